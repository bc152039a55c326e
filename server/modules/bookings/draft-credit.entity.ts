import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/**
 * A paid draft unlock credited against a booking (docs/design.md §8). Written in the booking's own
 * insert transaction; the UNIQUE payment id is what makes "never credited twice" hold when two
 * bookings race for the same credit. Deleted, in the same transaction, when the booking ends
 * without a session (expired hold, declined, cancelled), so the credit can be used again.
 * No foreign keys: the draft may be deleted while the credit stands.
 */
@Entity('draft_credits')
export class DraftCredit extends UuidEntity {
  @Index('uq_draft_credits_payment', { unique: true })
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @Index('ix_draft_credits_booking')
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Index('ix_draft_credits_client')
  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
