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
}
