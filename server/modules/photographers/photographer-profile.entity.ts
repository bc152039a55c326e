import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import type { BookingMode, CancellationTier } from '../../../shared/bookings/bookings.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** A photographer's public face and scheduling policy (one per photographer account). */
@Entity('photographer_profiles')
// The one-to-one constraint the first migration created, under its original name.
@Unique('REL_bd5465c00833067b0a7b2f10c9', ['userId'])
export class PhotographerProfile extends UuidEntity {
  // The account is the users module's: referred to by id, with the database's foreign key.
  @Index('uq_photographer_profiles_user', { unique: true })
  @ForeignKey('users', { onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName!: string;

  @Column({ type: 'text', default: '' })
  bio!: string;

  @Index('ix_photographer_profiles_city')
  @Column({ type: 'varchar', length: 80 })
  city!: string;

  @Column({ name: 'studio_address', type: 'varchar', length: 200, nullable: true })
  studioAddress!: string | null;

  /** IANA zone; availability rules are wall-clock times in it. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'simple-json' })
  styles!: string[];

  /** Set by an admin; only approved and published profiles are listed. */
  @Column({ type: 'boolean', default: false })
  approved!: boolean;

  @Column({ type: 'boolean', default: false })
  published!: boolean;

  /** Kept up to date by reviews: the average is total / count. */
  @Column({ name: 'rating_count', type: 'integer', default: 0 })
  ratingCount!: number;

  @Column({ name: 'rating_total', type: 'integer', default: 0 })
  ratingTotal!: number;

  @Column({ name: 'buffer_before_minutes', type: 'integer', default: 0 })
  bufferBeforeMinutes!: number;

  @Column({ name: 'buffer_after_minutes', type: 'integer', default: 0 })
  bufferAfterMinutes!: number;

  @Column({ name: 'min_notice_minutes', type: 'integer', default: 1440 })
  minNoticeMinutes!: number;

  @Column({ name: 'horizon_days', type: 'integer', default: 60 })
  horizonDays!: number;

  @Column({ name: 'slot_step_minutes', type: 'integer', default: 30 })
  slotStepMinutes!: number;

  @Column({ name: 'booking_mode', type: 'varchar', length: 16, default: 'instant' })
  bookingMode!: BookingMode;

  @Column({ name: 'cancellation_tiers', type: 'simple-json' })
  cancellationTiers!: CancellationTier[];

  @Column({ name: 'reschedule_cutoff_hours', type: 'integer', default: 24 })
  rescheduleCutoffHours!: number;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
