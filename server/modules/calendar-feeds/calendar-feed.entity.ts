import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/**
 * A photographer's calendar subscription: one per account, created on first request. The token
 * itself is never stored (see domain/feed-token.ts): the nonce it is derived from and its
 * SHA-256 are. "Make a new link" replaces both, so the old URL stops at once.
 */
@Entity('calendar_feeds')
export class CalendarFeed extends UuidEntity {
  @Index('uq_calendar_feeds_user', { unique: true })
  @ForeignKey('users', { onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  nonce!: string;

  @Index('uq_calendar_feeds_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** When the current link was made (first request or the last "make a new link"). */
  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
