import { Column, Entity, Exclusion, ForeignKey, Index } from 'typeorm';
import type {
  BookingStatus,
  BookingPaymentStatus,
  PolicySnapshot,
  PriceSnapshot,
} from '../../../shared/bookings/bookings.types';
import { InstantColumn, UuidEntity } from '../../database/columns';
import type { BriefSnapshot } from './booking-brief';

/**
 * No double booking, enforced by PostgreSQL itself: two active bookings of one photographer
 * can never have overlapping blocked ranges (session plus buffers). Needs `btree_gist` for
 * the `=` on a uuid inside a GiST index (created in the migration). SQLite has no exclusion
 * constraints; there the check and insert run in one BEGIN IMMEDIATE transaction
 * (see booking-writer.ts). A lapsed hold is marked expired in the same transaction before the
 * insert, so it never blocks anyone.
 */
@Entity('bookings')
@Exclusion(
  'ex_bookings_no_overlap',
  `USING gist ("photographer_id" WITH =, tstzrange("blocked_from", "blocked_until") WITH &&) WHERE ("status" IN ('held', 'requested', 'confirmed', 'rescheduled'))`,
)
@Index('ix_bookings_photographer_range', ['photographerId', 'blockedFrom'])
export class Booking extends UuidEntity {
  // Other modules' rows are referred to by id, kept honest by the database's foreign keys.
  @Index('ix_bookings_client')
  @ForeignKey('users', { onDelete: 'RESTRICT' })
  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ForeignKey('photographer_profiles', { onDelete: 'RESTRICT' })
  @Column({ name: 'photographer_id', type: 'uuid' })
  photographerId!: string;

  @ForeignKey('packages', { onDelete: 'RESTRICT' })
  @Column({ name: 'package_id', type: 'uuid' })
  packageId!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: BookingStatus;

  @InstantColumn({ name: 'starts_at' })
  startsAt!: Date;

  @InstantColumn({ name: 'ends_at' })
  endsAt!: Date;

  /** `startsAt − bufferBefore`: what the no-overlap rule compares. */
  @InstantColumn({ name: 'blocked_from' })
  blockedFrom!: Date;

  /** `endsAt + bufferAfter`. */
  @InstantColumn({ name: 'blocked_until' })
  blockedUntil!: Date;

  /** Until when a `held` booking keeps the slot; after that it blocks nobody. */
  @InstantColumn({ name: 'hold_expires_at', nullable: true })
  holdExpiresAt!: Date | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  /** The client's zone when they booked (from their browser), for their emails. */
  @Column({ name: 'client_time_zone', type: 'varchar', length: 64, nullable: true })
  clientTimeZone!: string | null;

  @Column({ type: 'simple-json' })
  price!: PriceSnapshot;

  @Column({ type: 'simple-json' })
  policy!: PolicySnapshot;

  @Column({ name: 'payment_provider', type: 'varchar', length: 16, default: 'manual' })
  paymentProvider!: 'manual' | 'stripe';

  @Column({ name: 'payment_status', type: 'varchar', length: 24, default: 'not_started' })
  paymentStatus!: BookingPaymentStatus;

  @Column({ name: 'amount_paid_cents', type: 'integer', default: 0 })
  amountPaidCents!: number;

  @Column({ name: 'amount_refunded_cents', type: 'integer', default: 0 })
  amountRefundedCents!: number;

  /** A hosted page where the client can pay what is due (set when a balance needs them). */
  @Column({ name: 'pay_url', type: 'varchar', length: 2000, nullable: true })
  payUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /**
   * The AI draft the client chose as a brief; set to null (with `draftVariantId`) in the draft's
   * delete transaction, so its preview goes with it while the text brief stays.
   */
  @Column({ name: 'draft_id', type: 'uuid', nullable: true })
  draftId!: string | null;

  /** The draft's variant whose preview the photographer sees. */
  @Column({ name: 'draft_variant_id', type: 'uuid', nullable: true })
  draftVariantId!: string | null;

  /** The brief as snapshotted when the booking was made (see booking-brief.ts). */
  @Column({ type: 'simple-json', nullable: true })
  brief!: BriefSnapshot | null;

  /** Bumped on every change, for calendar files. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
