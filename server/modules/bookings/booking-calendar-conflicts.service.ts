import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { CalendarConflictDto } from '../../../shared/calendars/calendars.types';
import { Clock } from '../../common/clock';
import { AuditLog } from '../audit/audit-log.service';
import { CalendarBusyService } from '../calendars/calendar-busy.service';
import { CalendarSyncHooks } from '../calendars/calendar-sync-hooks.service';
import type { ExternalBusyEvent } from '../calendars/calendars.types';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { BookingsRepository } from './bookings.repository';
import { isBookingUid } from './domain/calendar-ics';

/** The audit action of an external event found over a confirmed booking (emails the photographer). */
export const CALENDAR_CONFLICT_ACTION = 'calendar_conflict';

export interface BookingConflicts {
  bookingId: string;
  events: CalendarConflictDto[];
}

/**
 * Events in the photographer's own calendars over their confirmed bookings (issue #15). After
 * each sync, an event not seen over that booking before is recorded on the booking's audit trail
 * (`calendar_conflict`, once per event and booking), which emails the photographer; the bookings
 * page shows the conflicts as they are now.
 */
@Injectable()
export class BookingCalendarConflicts implements OnApplicationBootstrap {
  constructor(
    private readonly repository: BookingsRepository,
    private readonly busy: CalendarBusyService,
    private readonly catalog: PhotographerCatalog,
    private readonly hooks: CalendarSyncHooks,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.hooks.register(async (userId) => {
      await this.recordNew(userId);
    });
  }

  /** Upcoming confirmed bookings of the photographer that an external event overlaps. */
  async current(userId: string): Promise<BookingConflicts[]> {
    const found = await this.find(userId);
    return found.map(({ bookingId, events }) => ({ bookingId, events: events.map(conflictDto) }));
  }

  /** Records each conflict not recorded before on that booking; returns how many were new. */
  async recordNew(userId: string): Promise<number> {
    const now = this.clock.now();
    const fresh = [];
    for (const { bookingId, events } of await this.find(userId)) {
      const history = await this.audit.history({ type: 'booking', id: bookingId });
      const known = new Set(
        history
          .filter((e) => e.action === CALENDAR_CONFLICT_ACTION)
          .map((e) => String(e.details?.['key'] ?? '')),
      );
      for (const event of events) {
        const key = keyOf(event);
        if (known.has(key)) continue;
        known.add(key);
        const status = history[history.length - 1]?.toStatus ?? 'confirmed';
        fresh.push({
          subject: { type: 'booking' as const, id: bookingId },
          at: now,
          event: {
            action: CALENDAR_CONFLICT_ACTION,
            fromStatus: status,
            toStatus: status,
            actorId: null,
            actorRole: 'system',
            details: { key, ...conflictDto(event) },
          },
        });
      }
    }
    await this.audit.record(fresh);
    return fresh.length;
  }

  private async find(
    userId: string,
  ): Promise<{ bookingId: string; events: ExternalBusyEvent[] }[]> {
    const profile = await this.catalog.profileOfUser(userId);
    if (!profile) return [];
    const bookings = await this.repository.upcomingConfirmed(profile.id, this.clock.now());
    if (bookings.length === 0) return [];
    const events = (
      await this.busy.eventsOverlapping(
        userId,
        bookings[0]!.startsAt,
        new Date(Math.max(...bookings.map((b) => b.endsAt.getTime()))),
      )
    )
      // Events we wrote ourselves (our bookings in their CalDAV calendar) are never a conflict.
      .filter((event) => !isBookingUid(event.uid));
    return bookings
      .map((booking) => ({
        bookingId: booking.id,
        events: events.filter((e) => e.from < booking.endsAt && e.until > booking.startsAt),
      }))
      .filter((conflict) => conflict.events.length > 0);
  }
}

function keyOf(event: ExternalBusyEvent): string {
  return `${event.calendarId}|${event.uid}|${event.from.toISOString()}|${event.until.toISOString()}`;
}

function conflictDto(event: ExternalBusyEvent): CalendarConflictDto {
  return {
    calendarId: event.calendarId,
    calendarName: event.calendarName,
    summary: event.summary,
    from: event.from.toISOString(),
    until: event.until.toISOString(),
  };
}
