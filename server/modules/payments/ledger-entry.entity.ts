import { Column, Entity, Index } from 'typeorm';
import type { LedgerEntryType, PaymentPurpose } from '../../../shared/payments/payments.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

/**
 * The money trail: every charge, refund, platform fee, transfer and reversal as its own row,
 * never updated. Amounts are positive; the type says which way the money moved.
 */
@Entity('ledger_entries')
@Index('ix_ledger_reference', ['purpose', 'referenceId'])
export class LedgerEntry extends UuidEntity {
  @Column({ type: 'varchar', length: 20 })
  purpose!: PaymentPurpose;

  @Column({ name: 'reference_id', type: 'uuid' })
  referenceId!: string;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  type!: LedgerEntryType;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ name: 'provider_ref', type: 'varchar', length: 255, nullable: true })
  providerRef!: string | null;

  /** One ledger row per money movement, even when the request that caused it is retried. */
  @Index('uq_ledger_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
