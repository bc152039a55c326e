import { Column, Entity, Index } from 'typeorm';
import type { PaymentPurpose, RefundRequestStatus } from '../../../shared/payments/payments.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

/**
 * A refund Lensbridge asked the provider for, once per payment and reason. Its idempotency key
 * goes with every attempt, so a retry after a failed call can never refund twice; the money it
 * moved is recorded in the ledger by the provider's refund id, like any other refund.
 */
@Entity('refund_requests')
@Index('ix_refund_requests_due', ['status', 'nextAttemptAt'])
export class RefundRequest extends UuidEntity {
  @Column({ type: 'varchar', length: 20 })
  purpose!: PaymentPurpose;

  @Column({ name: 'reference_id', type: 'uuid' })
  referenceId!: string;

  @Index('ix_refund_requests_payment')
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 100 })
  reason!: string;

  /** `refund-<payment id>-<reason>`: the provider's idempotency key for every attempt. */
  @Index('uq_refund_requests_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: RefundRequestStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /** When the retry job may try again; also its lease while an attempt runs. */
  @InstantColumn({ name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'provider_refund_id', type: 'varchar', length: 255, nullable: true })
  providerRefundId!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
