import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { CalendarReader } from './calendar-reader.service';
import { CalendarSyncService, failureOf } from './calendar-sync.service';
import { CalendarsRepository } from './calendars.repository';
import type { BookingEventWrite } from './calendars.types';
import type { ExternalCalendar } from './external-calendar.entity';

/**
 * Our bookings in the photographer's CalDAV calendars (issue #15, item 3): one event per booking,
 * written when it is confirmed, rewritten when it changes (a reschedule), removed when it is
 * cancelled. What was written is remembered per calendar and booking with a fingerprint of its
 * content, so repeating a reconciliation writes nothing and a crash halfway is finished by the
 * next one. A failure is stored on that calendar and never stops the others.
 */
@Injectable()
export class CalendarWritesService {
  private readonly logger = new Logger(CalendarWritesService.name);

  constructor(
    private readonly repository: CalendarsRepository,
    private readonly reader: CalendarReader,
    private readonly sync: CalendarSyncService,
  ) {}

  /** Whether the photographer has a calendar our bookings are written into. */
  async writesFor(userId: string): Promise<boolean> {
    return (await this.repository.writableOf(userId)).length > 0;
  }

  /** Photographers with at least one calendar our bookings are written into. */
  photographersWriting(): Promise<string[]> {
    return this.repository.usersWriting();
  }

  /** Brings each writable calendar of the photographer in line with `bookings`. */
  async reconcile(userId: string, bookings: BookingEventWrite[]): Promise<void> {
    for (const calendar of await this.repository.writableOf(userId)) {
      try {
        await this.reconcileOne(calendar, bookings);
      } catch (error) {
        const failure = failureOf(error);
        await this.repository.saveSync(calendar.id, {
          lastErrorCode: failure.lastErrorCode,
          lastError: `Your bookings could not be written into this calendar: ${failure.lastError}`,
        });
        if (!(error instanceof DomainError)) {
          this.logger.warn(`Bookings not written to calendar ${calendar.id}: ${String(error)}`);
        }
      }
    }
  }

  private async reconcileOne(
    calendar: ExternalCalendar,
    bookings: BookingEventWrite[],
  ): Promise<void> {
    const client = this.reader.caldav(this.sync.accountOf(calendar));
    const state = calendar.remoteState ?? (await client.connect());
    const written = new Map(
      (await this.repository.writesOf(calendar.id)).map((write) => [write.bookingId, write]),
    );
    for (const booking of bookings) {
      const existing = written.get(booking.bookingId);
      if (booking.ics === null) {
        if (!existing) continue;
        await client.remove(state, existing.href, existing.etag);
        await this.repository.removeWrite(calendar.id, booking.bookingId);
        continue;
      }
      const fingerprint = fingerprintOf(booking.ics);
      if (existing?.fingerprint === fingerprint) continue;
      const put = await client.put(state, {
        uid: booking.uid,
        ics: booking.ics,
        href: existing?.href ?? null,
        etag: existing?.etag ?? null,
      });
      await this.repository.saveWrite({
        calendarId: calendar.id,
        bookingId: booking.bookingId,
        href: put.href,
        etag: put.etag,
        fingerprint,
      });
    }
  }
}

/** The content of an event, not the moment it was generated (DTSTAMP changes every time). */
function fingerprintOf(ics: string): string {
  const content = ics.replace(/^DTSTAMP:.*\r?\n/gm, '');
  return createHash('sha256').update(content).digest('hex');
}
