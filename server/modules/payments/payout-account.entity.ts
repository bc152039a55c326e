import { Column, Entity, Index } from 'typeorm';
import type { PayoutAccountStatus } from '../../../shared/payments/payments.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** A photographer's connected account at the payment provider, where their share is sent. */
@Entity('payout_accounts')
export class PayoutAccount extends UuidEntity {
  @Index('uq_payout_accounts_user', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Index('uq_payout_accounts_provider_account', { unique: true })
  @Column({ name: 'provider_account_id', type: 'varchar', length: 255 })
  providerAccountId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: PayoutAccountStatus;

  @Column({ name: 'payouts_enabled', type: 'boolean', default: false })
  payoutsEnabled!: boolean;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
