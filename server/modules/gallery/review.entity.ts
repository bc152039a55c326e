import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** The client's one review of a delivered booking, and the photographer's one reply. */
@Entity('reviews')
@Index('ix_reviews_photographer', ['photographerId', 'createdAt'])
export class Review extends UuidEntity {
  @Index('uq_reviews_booking', { unique: true })
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ name: 'photographer_id', type: 'uuid' })
  photographerId!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ type: 'integer' })
  rating!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @InstantColumn({ name: 'replied_at', nullable: true })
  repliedAt!: Date | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
