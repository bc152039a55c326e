import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { CalendarFeedDto } from '../../../shared/calendar-feeds/calendar-feeds.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersService } from '../users/users.service';
import { BookingFeedService } from '../bookings/booking-feed.service';
import { CalendarFeedError } from './calendar-feeds.errors';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import type { CalendarFeed } from './calendar-feed.entity';
import { feedToken, hashFeedToken, looksLikeFeedToken, newFeedNonce } from './domain/feed-token';

/** The feed's text and a validator that changes only when an event does (not with DTSTAMP). */
export interface FeedFile {
  ics: string;
  etag: string;
}

/** The secret calendar URL of a photographer: show it, replace it, serve it. */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly repository: CalendarFeedsRepository,
    private readonly bookingFeed: BookingFeedService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The current URL, made on the first request. */
  async linkOf(auth: AuthContext): Promise<CalendarFeedDto> {
    const feed = await this.repository.findOrCreate(auth.userId, this.newLink(auth.userId));
    const token = this.tokenOf(feed);
    const tokenHash = hashFeedToken(token);
    // The link secret was changed since: the URL changes with it, and the stored hash follows.
    if (tokenHash !== feed.tokenHash) await this.repository.replaceLink(auth.userId, { tokenHash });
    return this.dtoOf(token);
  }

  /** A new URL; the old one answers 404 from now on. */
  async rotate(auth: AuthContext): Promise<CalendarFeedDto> {
    const link = this.newLink(auth.userId);
    await this.repository.findOrCreate(auth.userId, link);
    await this.repository.replaceLink(auth.userId, link);
    return this.dtoOf(feedToken(this.config.delivery.linkSecret, auth.userId, link.nonce));
  }

  /** The calendar behind a token, for anyone who has the URL. */
  async file(token: string): Promise<FeedFile> {
    const feed = looksLikeFeedToken(token)
      ? await this.repository.findByTokenHash(hashFeedToken(token))
      : null;
    if (!feed) throw CalendarFeedError.notFound();
    // A deleted account keeps its (anonymised) row, so its feed closes here.
    const owner = await this.users.findById(feed.userId);
    if (!owner || owner.deletedAt) throw CalendarFeedError.notFound();
    const ics = await this.bookingFeed.feedOf(feed.userId, this.clock.now());
    const versioned = ics.replace(/^DTSTAMP:.*\r\n/gm, '');
    const etag = `"${createHash('sha256').update(versioned).digest('base64url').slice(0, 27)}"`;
    return { ics, etag };
  }

  private newLink(userId: string) {
    const nonce = newFeedNonce();
    const token = feedToken(this.config.delivery.linkSecret, userId, nonce);
    return { nonce, tokenHash: hashFeedToken(token), createdAt: this.clock.now() };
  }

  private tokenOf(feed: CalendarFeed): string {
    return feedToken(this.config.delivery.linkSecret, feed.userId, feed.nonce);
  }

  private dtoOf(token: string): CalendarFeedDto {
    return { url: `${this.config.publicUrl}/api/calendar-feeds/${token}.ics` };
  }
}
