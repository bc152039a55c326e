import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { CalendarFeed } from './calendar-feed.entity';

type FeedLink = Pick<CalendarFeed, 'nonce' | 'tokenHash' | 'createdAt'>;

@Injectable()
export class CalendarFeedsRepository {
  constructor(@InjectRepository(CalendarFeed) private readonly feeds: Repository<CalendarFeed>) {}

  findByTokenHash(tokenHash: string): Promise<CalendarFeed | null> {
    return this.feeds.findOneBy({ tokenHash });
  }

  findByUser(userId: string): Promise<CalendarFeed | null> {
    return this.feeds.findOneBy({ userId });
  }

  /** The account's feed, created with `link` unless one exists (two first requests: one row). */
  async findOrCreate(userId: string, link: FeedLink): Promise<CalendarFeed> {
    await this.feeds
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), userId, ...link })
      .orIgnore()
      .execute();
    return (await this.findByUser(userId))!;
  }

  async replaceLink(userId: string, link: Partial<FeedLink>): Promise<void> {
    await this.feeds.update({ userId }, link);
  }
}
