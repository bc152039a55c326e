import { Column, Entity, Index } from 'typeorm';
import type { UserRole } from '../../../shared/auth/auth.types';
import { InstantColumn, UuidEntity } from '../../database/columns';

@Entity('users')
export class User extends UuidEntity {
  /** Always stored normalised (trimmed, lower case); unique. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: UserRole;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  /** When the owner followed a link sent to `email`; null until then (may draft, not book). */
  @InstantColumn({ name: 'email_verified_at', nullable: true })
  emailVerifiedAt!: Date | null;

  /**
   * Set when the owner deleted the account: the row stays only so that bookings, the ledger and
   * reviews keep a party, with its name, email and password replaced.
   */
  @InstantColumn({ name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
