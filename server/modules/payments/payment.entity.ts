import { Column, Entity, Index } from 'typeorm';
import type {
  PaymentKind,
  PaymentProviderName,
  PaymentPurpose,
  PaymentStatus,
} from '../../../shared/payments/payments.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** One attempt to take money for something (a booking's deposit, a draft unlock, …). */
@Entity('payments')
@Index('ix_payments_reference', ['purpose', 'referenceId'])
export class Payment extends UuidEntity {
  @Column({ type: 'varchar', length: 20 })
  purpose!: PaymentPurpose;

  /** The booking or draft this pays for. */
  @Column({ name: 'reference_id', type: 'uuid' })
  referenceId!: string;

  /** Who pays. */
  @Index('ix_payments_payer')
  @Column({ name: 'payer_id', type: 'uuid' })
  payerId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: PaymentKind;

  @Column({ type: 'varchar', length: 10 })
  provider!: PaymentProviderName;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ name: 'refunded_cents', type: 'integer', default: 0 })
  refundedCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: PaymentStatus;

  /** Deterministic (e.g. `booking-<id>-deposit`): the same payment is never created twice. */
  @Index('uq_payments_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Index('uq_payments_checkout_session', { unique: true })
  @Column({ name: 'checkout_session_id', type: 'varchar', length: 255, nullable: true })
  checkoutSessionId!: string | null;

  @Column({ name: 'checkout_url', type: 'varchar', length: 2000, nullable: true })
  checkoutUrl!: string | null;

  @Column({ name: 'payment_intent_id', type: 'varchar', length: 255, nullable: true })
  paymentIntentId!: string | null;

  /** The provider's customer and saved card, for charging a balance later. */
  @Column({ name: 'customer_ref', type: 'varchar', length: 255, nullable: true })
  customerRef!: string | null;

  @Column({ name: 'transfer_group', type: 'varchar', length: 255, nullable: true })
  transferGroup!: string | null;

  @InstantColumn({ name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
