import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { UsersService } from '../users/users.service';
import type { BookingEventWrite } from '../calendars/calendars.types';
import type { Booking } from './booking.entity';
import { BookingsRepository } from './bookings.repository';
import { type FeedEntry, feedCalendar } from './domain/calendar-feed-ics';
import { bookingUid, calendarStatus } from './domain/calendar-ics';

const DAY = 86_400_000;
/** How far back the feed reaches; everything ahead is in it. */
export const FEED_PAST_DAYS = 90;
/** Bookings written into a photographer's CalDAV calendar; any other status removes the event. */
const WRITTEN_STATUSES = new Set<Booking['status']>(['confirmed', 'rescheduled', 'completed']);

/**
 * A photographer's bookings as a subscribed calendar (the calendar-feeds module serves it at a
 * secret URL). Each event carries the client's name and the brief's text, never their email
 * address or phone: whoever holds the URL reads it.
 */
@Injectable()
export class BookingFeedService {
  constructor(
    private readonly repository: BookingsRepository,
    private readonly catalog: PhotographerCatalog,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The `.ics` text of the photographer whose account is `userId` (empty without a profile). */
  async feedOf(userId: string, now: Date): Promise<string> {
    const profile = await this.catalog.profileOfUser(userId);
    const bookings = profile
      ? await this.repository.forCalendarFeed(
          profile.id,
          new Date(now.getTime() - FEED_PAST_DAYS * DAY),
        )
      : [];
    const clients = await this.users.findByIds(bookings.map((b) => b.clientId));
    const clientName = new Map(clients.map((c) => [c.id, c.name]));
    return feedCalendar({
      name: profile ? `${profile.displayName} (Lensbridge)` : 'Lensbridge',
      stamp: now,
      entries: bookings.map((booking) =>
        this.entryOf(booking, clientName.get(booking.clientId) ?? 'Client', profile?.studioAddress),
      ),
    });
  }

  /**
   * Each booking of the feed as it should be in the photographer's CalDAV calendars: confirmed
   * (or rescheduled, or completed) sessions as one event each, anything else as none.
   */
  async eventsFor(userId: string, now: Date): Promise<BookingEventWrite[]> {
    const profile = await this.catalog.profileOfUser(userId);
    if (!profile) return [];
    const bookings = await this.repository.forCalendarFeed(
      profile.id,
      new Date(now.getTime() - FEED_PAST_DAYS * DAY),
    );
    const clients = await this.users.findByIds(bookings.map((b) => b.clientId));
    const clientName = new Map(clients.map((c) => [c.id, c.name]));
    return bookings.map((booking) => {
      const entry = this.entryOf(
        booking,
        clientName.get(booking.clientId) ?? 'Client',
        profile.studioAddress,
      );
      const written = WRITTEN_STATUSES.has(booking.status);
      return {
        bookingId: booking.id,
        uid: entry.uid,
        ics: written
          ? feedCalendar({
              name: profile.displayName,
              stamp: now,
              entries: [entry],
              purpose: 'store',
            })
          : null,
      };
    });
  }

  private entryOf(booking: Booking, client: string, studioAddress?: string | null): FeedEntry {
    const link = `${this.config.publicUrl}/app/bookings/${booking.id}`;
    return {
      uid: bookingUid(booking.id),
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      timeZone: booking.timeZone,
      summary: `${booking.price.packageName} with ${client}`,
      description: [
        `${booking.price.packageName}, ${booking.price.durationMinutes} minutes, with ${client}.`,
        `Status: ${booking.status.replaceAll('_', ' ')}.`,
        ...(booking.brief ? ['', booking.brief.text] : []),
        '',
        `Booking: ${link}`,
      ].join('\n'),
      location: booking.price.location === 'studio' ? (studioAddress ?? null) : null,
      status: calendarStatus(booking.status),
      sequence: booking.sequence,
      lastModified: booking.updatedAt,
    };
  }
}
