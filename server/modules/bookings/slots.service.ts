import { Injectable } from '@nestjs/common';
import type { SlotsQuery } from '../../../shared/photographers/photographers.schema';
import type { SlotsDto } from '../../../shared/photographers/photographers.types';
import { Clock } from '../../common/clock';
import { ZoneClock } from '../../../shared/photographers/local-time';
import { computeSlots, type SlotRules } from '../../../shared/photographers/slots';
import type { Package } from '../photographers/photographers.types';
import {
  type BookableOffer,
  PhotographerCatalog,
} from '../photographers/photographer-catalog.service';
import type { PhotographerProfile } from '../photographers/photographers.types';
import { CalendarBusyService } from '../calendars/calendar-busy.service';
import { BookingError } from './bookings.errors';
import { BookingsRepository } from './bookings.repository';
import { isBookingUid } from './domain/calendar-ics';

const DAY = 86_400_000;
const DEFAULT_RANGE_DAYS = 14;

/**
 * Free start times: the pure slot function fed with rules from the catalog and busy ranges (our
 * bookings, and the events of the photographer's connected calendars as of their last sync).
 */
@Injectable()
export class SlotsService {
  constructor(
    private readonly catalog: PhotographerCatalog,
    private readonly bookings: BookingsRepository,
    private readonly calendars: CalendarBusyService,
    private readonly clock: Clock,
  ) {}

  /** `exceptBookingId`: the booking being moved, whose own time does not block its new one. */
  async slots(
    photographerId: string,
    query: SlotsQuery,
    exceptBookingId?: string,
  ): Promise<SlotsDto> {
    const now = this.clock.now();
    const profile = await this.catalog.listedProfile(photographerId);
    const { pkg } = await this.catalog.bookableOffer(query.packageId, profile.id);
    const from = query.from ? new Date(query.from) : now;
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_RANGE_DAYS * DAY);
    const rules = await this.catalog.slotRules(profile);
    const slots = await this.freeStarts(profile, pkg, rules, from, to, now, exceptBookingId);
    return {
      photographerId: profile.id,
      packageId: pkg.id,
      timeZone: profile.timeZone,
      durationMinutes: pkg.durationMinutes,
      from: from.toISOString(),
      to: to.toISOString(),
      slots: slots.map((slot) => slot.toISOString()),
    };
  }

  async freeStarts(
    profile: PhotographerProfile,
    pkg: Package,
    rules: SlotRules,
    from: Date,
    to: Date,
    now: Date,
    exceptBookingId?: string,
  ): Promise<Date[]> {
    const [from0, to0] = [new Date(from.getTime() - DAY), new Date(to.getTime() + DAY)];
    const [ours, theirs] = await Promise.all([
      this.bookings.busyRanges(profile.id, from0, to0, now, exceptBookingId),
      this.calendars.eventsOverlapping(profile.userId, from0, to0),
    ]);
    // Our bookings written into their CalDAV calendar come back from it: they count once, as ours
    // (so a booking being moved does not block its own new time).
    const busy = [...ours, ...theirs.filter((event) => !isBookingUid(event.uid))];
    return computeSlots(rules, { durationMinutes: pkg.durationMinutes, from, to, now, busy });
  }

  /** The first free start from `from` (default now) within the booking horizon: directory cards, the comparison. */
  async earliest(
    profile: PhotographerProfile,
    pkg: Package,
    now: Date,
    from: Date = now,
  ): Promise<Date | null> {
    const rules = await this.catalog.slotRules(profile);
    const start = from > now ? from : now;
    // Growing windows that all start now: the first free start of the first non-empty window is
    // the earliest overall, and most studios have one within days (the directory asks this for
    // every card, so computing a whole month each time would dominate its cost).
    for (const days of [2, 7, DEFAULT_RANGE_DAYS]) {
      const to = new Date(start.getTime() + Math.min(days, DEFAULT_RANGE_DAYS) * DAY);
      const first = (await this.freeStarts(profile, pkg, rules, start, to, now))[0];
      if (first) return first;
    }
    return null;
  }

  /** Whether the photographer has a free start on a date of their own calendar. */
  async freeOn(
    profile: PhotographerProfile,
    pkg: Package,
    date: string,
    now: Date,
  ): Promise<boolean> {
    const clock = new ZoneClock(profile.timeZone);
    const from = new Date(clock.boundaryAt(date, 0));
    const to = new Date(clock.boundaryAt(date, 1440));
    const rules = await this.catalog.slotRules(profile);
    return (await this.freeStarts(profile, pkg, rules, from, to, now)).length > 0;
  }

  /**
   * The package and its photographer if a booking may start at `startsAt` (see assertBookable);
   * `photographerId` and `exceptBookingId` when an existing booking moves.
   */
  async bookableOfferAt(
    packageId: string,
    startsAt: Date,
    now: Date,
    moving?: { photographerId: string; exceptBookingId: string },
  ): Promise<BookableOffer> {
    const offer = await this.catalog.bookableOffer(packageId, moving?.photographerId);
    await this.assertBookable(offer.profile, offer.pkg, startsAt, now, moving?.exceptBookingId);
    return offer;
  }

  /**
   * Refuses a start the rules do not offer (outside hours, inside the notice, past the
   * horizon, off the grid) with SLOT_UNAVAILABLE, and one already taken with SLOT_TAKEN. The
   * database has the last word on SLOT_TAKEN; this only spares it the obvious cases.
   */
  private async assertBookable(
    profile: PhotographerProfile,
    pkg: Package,
    startsAt: Date,
    now: Date,
    exceptBookingId?: string,
  ): Promise<void> {
    const rules = await this.catalog.slotRules(profile);
    const window = {
      durationMinutes: pkg.durationMinutes,
      from: startsAt,
      to: new Date(startsAt.getTime() + 1),
      now,
    };
    const offered = computeSlots(rules, { ...window, busy: [] });
    if (offered.length === 0) {
      throw BookingError.slotUnavailable(
        'This time is not bookable: it is outside the photographer’s hours, too soon, too far ahead or not on the booking grid.',
      );
    }
    const free = await this.freeStarts(
      profile,
      pkg,
      rules,
      window.from,
      window.to,
      now,
      exceptBookingId,
    );
    if (free.length === 0) throw BookingError.slotTaken();
  }
}
