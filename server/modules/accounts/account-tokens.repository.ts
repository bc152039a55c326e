import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, MoreThanOrEqual, type Repository } from 'typeorm';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';

@Injectable()
export class AccountTokensRepository {
  constructor(@InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>) {}

  async insert(token: Omit<AccountToken, 'id' | 'assignId'>): Promise<void> {
    await this.tokens.save(this.tokens.create(token));
  }

  find(tokenHash: string, purpose: AccountTokenPurpose): Promise<AccountToken | null> {
    return this.tokens.findOneBy({ tokenHash, purpose });
  }

  /** Marks the token used if it still was usable; true for exactly one caller. */
  async claim(tokenHash: string, now: Date): Promise<boolean> {
    const result = await this.tokens.update(
      { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return result.affected === 1;
  }

  /** Every other unused link of this kind stops working (a reset, a newer change request). */
  async retire(userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    await this.tokens.update({ userId, purpose, usedAt: IsNull() }, { usedAt: now });
  }

  countSince(userId: string, purpose: AccountTokenPurpose, since: Date): Promise<number> {
    return this.tokens.countBy({ userId, purpose, createdAt: MoreThanOrEqual(since) });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.tokens.delete({ userId });
  }

  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    const result = await this.tokens.delete({ expiresAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
