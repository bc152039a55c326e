import { Column, Entity, Index } from 'typeorm';
import type { ExtraChargeStatus } from '../../../shared/gallery/gallery.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** The delivery state of one booking: proofs shared, favourites chosen, finals delivered. */
@Entity('galleries')
export class Gallery extends UuidEntity {
  @Index('uq_galleries_booking', { unique: true })
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  /** When the photographer shared the proofs with the client (first time). */
  @InstantColumn({ name: 'proofs_published_at', nullable: true })
  proofsPublishedAt!: Date | null;

  @InstantColumn({ name: 'selection_submitted_at', nullable: true })
  selectionSubmittedAt!: Date | null;

  @Column({ name: 'extra_count', type: 'integer', default: 0 })
  extraCount!: number;

  /** Server-computed from the booking's price snapshot (minor units, booking currency). */
  @Column({ name: 'extra_amount_cents', type: 'integer', default: 0 })
  extraAmountCents!: number;

  @Column({ name: 'extra_charge', type: 'varchar', length: 24, default: 'none' })
  extraCharge!: ExtraChargeStatus;

  /** The payment provider's hosted page while an online charge for extras is open. */
  @Column({ name: 'checkout_url', type: 'text', nullable: true })
  checkoutUrl!: string | null;

  @InstantColumn({ name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
