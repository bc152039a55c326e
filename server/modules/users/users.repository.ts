import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { UserRole } from '../../../shared/auth/auth.types';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** `email` must already be normalised. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  async page(filter: {
    role?: UserRole;
    page: number;
    pageSize: number;
  }): Promise<{ items: User[]; total: number }> {
    const [items, total] = await this.users.findAndCount({
      where: filter.role ? { role: filter.role } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total };
  }

  count(): Promise<number> {
    return this.users.count();
  }

  insert(user: Omit<User, 'id' | 'assignId'>): Promise<User> {
    return this.users.save(this.users.create(user));
  }

  async update(id: string, changes: Partial<Omit<User, 'id' | 'assignId'>>): Promise<void> {
    await this.users.update({ id }, changes);
  }

  save(user: User): Promise<User> {
    return this.users.save(user);
  }
}
