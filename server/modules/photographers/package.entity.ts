import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { PackageLocation } from '../../../shared/bookings/bookings.types';
import { InstantColumn, UuidEntity } from '../../database/columns';
import { PhotographerProfile } from './photographer-profile.entity';

/** What a client can book: a session length, a price and what is delivered. Money in minor units. */
@Entity('packages')
export class Package extends UuidEntity {
  @Index('ix_packages_photographer')
  @Column({ name: 'photographer_id', type: 'uuid' })
  photographerId!: string;

  @ManyToOne(() => PhotographerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'photographer_id' })
  photographer?: PhotographerProfile;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ name: 'price_cents', type: 'integer' })
  priceCents!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** `percent` of the total, or a `fixed` amount in minor units. */
  @Column({ name: 'deposit_kind', type: 'varchar', length: 10 })
  depositKind!: 'percent' | 'fixed';

  @Column({ name: 'deposit_value', type: 'integer' })
  depositValue!: number;

  @Column({ name: 'included_images', type: 'integer' })
  includedImages!: number;

  @Column({ name: 'extra_image_price_cents', type: 'integer' })
  extraImagePriceCents!: number;

  @Column({ name: 'delivery_days', type: 'integer' })
  deliveryDays!: number;

  @Column({ type: 'varchar', length: 16 })
  location!: PackageLocation;

  @Column({ name: 'travel_fee_cents', type: 'integer', default: 0 })
  travelFeeCents!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Deleted packages stay for the bookings that point at them, hidden everywhere else. */
  @InstantColumn({ name: 'archived_at', nullable: true })
  archivedAt!: Date | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
