import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/**
 * A signed-in browser. The primary key is the SHA-256 of the cookie token, so a copy of the
 * database does not hand out working sessions.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  // The account is the users module's: referred to by id, with the database's foreign key.
  @Index('ix_sessions_user')
  @ForeignKey('users', { onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'last_seen_at' })
  lastSeenAt!: Date;

  /** The browser's User-Agent at log-in, cut to 300 characters: names the device in the list. */
  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  @Index('ix_sessions_expires_at')
  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date;
}
