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
}

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
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

  async create(input: NewUser, now = new Date()): Promise<User> {
    if (await this.users.findByEmail(input.email)) throw UserError.emailTaken();
    try {
      return await this.users.insert({ ...input, createdAt: now });
    } catch (error) {
      // Two sign-ups with the same email at once: the unique index decides.
      if (isUniqueViolation(error)) throw UserError.emailTaken();
      throw error;
    }
  }

  /** Creates the operator's admin account, or promotes and re-keys an existing one. */
  async upsertAdmin(input: Omit<NewUser, 'role'>): Promise<User> {
    const existing = await this.users.findByEmail(input.email);
    if (!existing) return this.create({ ...input, role: 'admin' });
    existing.role = 'admin';
    existing.passwordHash = input.passwordHash;
    return this.users.save(existing);
  }
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}
