import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

export type AccountTokenPurpose = 'password_reset' | 'verify_email' | 'email_change';

/**
 * A link we emailed: password reset, email verification or an email change. Only the SHA-256 of
 * the token is kept, so a copy of the database opens no account; `usedAt` makes it single-use.
 */
@Entity('account_tokens')
@Index('ix_account_tokens_user_purpose', ['userId', 'purpose', 'createdAt'])
export class AccountToken extends UuidEntity {
  @Index('uq_account_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  purpose!: AccountTokenPurpose;

  /** For an email change: the address the account moves to once the link is followed. */
  @Column({ name: 'new_email', type: 'varchar', length: 254, nullable: true })
  newEmail!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @Index('ix_account_tokens_expires_at')
  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @InstantColumn({ name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
