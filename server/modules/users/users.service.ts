import { Injectable } from '@nestjs/common';
import type { UserDto, UserRole } from '../../../shared/auth/auth.types';
import { isUniqueViolation } from '../../database/database-errors';
import { User } from './user.entity';
import { UserError } from './users.errors';
import { UsersRepository } from './users.repository';

export interface NewUser {
  /** Normalised. */
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  /** Set for accounts whose address is known to be theirs (demo data, the operator's admin). */
  emailVerifiedAt?: Date | null;
}

@Injectable()
export class UsersService {
  /** Run after an account is anonymised: modules that keep the account's own data forget it. */
  private readonly deletionHooks: ((userId: string) => Promise<void>)[] = [];

  constructor(private readonly users: UsersRepository) {}

  /** Registers data to forget when an account is deleted (calendars register their credentials). */
  onAccountDeleted(hook: (userId: string) => Promise<void>): void {
    this.deletionHooks.push(hook);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  /** Several users in one query (booking lists). */
  findByIds(ids: string[]): Promise<User[]> {
    return this.users.findByIds([...new Set(ids)]);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  list(filter: {
    role?: UserRole;
    page: number;
    pageSize: number;
  }): Promise<{ items: User[]; total: number }> {
    return this.users.page(filter);
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async create(input: NewUser, now: Date): Promise<User> {
    if (await this.users.findByEmail(input.email)) throw UserError.emailTaken();
    try {
      return await this.users.insert({
        ...input,
        emailVerifiedAt: input.emailVerifiedAt ?? null,
        deletedAt: null,
        createdAt: now,
      });
    } catch (error) {
      // Two sign-ups with the same email at once: the unique index decides.
      if (isUniqueViolation(error)) throw UserError.emailTaken();
      throw error;
    }
  }

  /** Creates the operator's admin account, or promotes and re-keys an existing one. */
  async upsertAdmin(input: Omit<NewUser, 'role'>, now: Date): Promise<User> {
    const existing = await this.users.findByEmail(input.email);
    if (!existing) return this.create({ ...input, role: 'admin', emailVerifiedAt: now }, now);
    existing.role = 'admin';
    existing.passwordHash = input.passwordHash;
    existing.emailVerifiedAt ??= now;
    return this.users.save(existing);
  }

  async markEmailVerified(user: User, now: Date): Promise<void> {
    if (user.emailVerifiedAt) return;
    user.emailVerifiedAt = now;
    await this.users.update(user.id, { emailVerifiedAt: now });
  }

  async rename(user: User, name: string): Promise<User> {
    user.name = name;
    await this.users.update(user.id, { name });
    return user;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.users.update(userId, { passwordHash });
  }

  /** Moves the account to an address its owner just proved; EMAIL_TAKEN if someone has it. */
  async changeEmail(user: User, email: string, now: Date): Promise<User> {
    const holder = await this.users.findByEmail(email);
    if (holder && holder.id !== user.id) throw UserError.emailTaken();
    try {
      await this.users.update(user.id, { email, emailVerifiedAt: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw UserError.emailTaken();
      throw error;
    }
    return Object.assign(user, { email, emailVerifiedAt: now });
  }

  /**
   * What stays of a deleted account: a row bookings, the ledger and reviews can still point to,
   * named by its role ("Former client"), with an address nobody can receive mail at and a
   * password hash no password matches.
   */
  async anonymise(user: User, now: Date): Promise<void> {
    await this.users.update(user.id, {
      email: `deleted-${user.id}@deleted.invalid`,
      name: user.role === 'photographer' ? 'Former photographer' : 'Former client',
      passwordHash: '!deleted',
      emailVerifiedAt: null,
      deletedAt: now,
    });
    for (const hook of this.deletionHooks) await hook(user.id);
  }
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}
