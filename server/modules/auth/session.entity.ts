import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';
import { User } from '../users/user.entity';

/**
 * A signed-in browser. The primary key is the SHA-256 of the cookie token, so a copy of the
 * database does not hand out working sessions.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('ix_sessions_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

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
