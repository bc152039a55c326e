import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, MoreThanOrEqual, type Repository } from 'typeorm';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';

@Injectable()
export class AccountTokensRepository {
  constructor(@InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>) {}

  /**
   * Adds the link unless the account already had `perHour` of this kind in the hour before it;
   * false then. Concurrent requests for one account are counted one after another (an advisory
   * lock on PostgreSQL; SQLite runs transactions one at a time anyway).
   */
  insertWithinLimit(
    token: Omit<AccountToken, 'id' | 'assignId'>,
    perHour: number,
  ): Promise<boolean> {
    return this.tokens.manager.transaction(async (manager) => {
      if (manager.connection.options.type === 'postgres') {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `account-tokens:${token.userId}`,
        ]);
      }
      const since = new Date(token.createdAt.getTime() - 3_600_000);
      const recent = await manager.countBy(AccountToken, {
        userId: token.userId,
        purpose: token.purpose,
        createdAt: MoreThanOrEqual(since),
      });
      if (recent >= perHour) return false;
      await manager.save(manager.create(AccountToken, token));
      return true;
    });
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
