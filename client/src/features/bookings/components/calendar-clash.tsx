import { Link } from 'react-router';
import type { BookingDto } from '@shared/bookings/bookings.types';
import type { CalendarConflictDto } from '@shared/calendars/calendars.types';
import { Alert } from '@/components/ui/alert';
import { dayKeyIn, shortDateIn, timeIn } from '@/lib/zoned-time';

type BookingTime = Pick<BookingDto, 'startsAt' | 'timeZone'>;

const DAY_MS = 86_400_000;

const WARN_ICON =
  'M11.443 2.5a1.667 1.667 0 0 0-2.886 0L1.9 14.167A1.667 1.667 0 0 0 3.343 16.667h13.314a1.667 1.667 0 0 0 1.443-2.5L11.443 2.5ZM10 14.167a.833.833 0 1 1 0-1.667.833.833 0 0 1 0 1.667Zm.833-3.75a.833.833 0 0 1-1.666 0V7.083a.833.833 0 1 1 1.666 0v3.334Z';

/**
 * When the clashing event is, on the studio's wall clock like the rest of the booking:
 * "16:30–18:00" on the booking's own day, "Sat 14 Mar, 16:30–18:00" on another, the dates
 * for a whole-day event, both ends for one that spans midnight.
 */
export function clashWhen(
  event: Pick<CalendarConflictDto, 'from' | 'until'>,
  booking: BookingTime,
) {
  const zone = booking.timeZone;
  const from = new Date(event.from);
  const until = new Date(event.until);
  const lastMoment = new Date(Math.max(from.getTime(), until.getTime() - 1));
  const firstDay = dayKeyIn(from, zone);
  const lastDay = dayKeyIn(lastMoment, zone);
  const wholeDays = timeIn(from, zone) === '00:00' && timeIn(until, zone) === '00:00';
  if (wholeDays) {
    return firstDay === lastDay
      ? `all day ${shortDateIn(from, zone)}`
      : `${shortDateIn(from, zone)} – ${shortDateIn(until.getTime() - DAY_MS, zone)}`;
  }
  const times = `${timeIn(from, zone)}–${timeIn(until, zone)}`;
  if (firstDay !== lastDay) {
    return `${shortDateIn(from, zone)}, ${timeIn(from, zone)} – ${shortDateIn(until, zone)}, ${timeIn(until, zone)}`;
  }
  return firstDay === dayKeyIn(booking.startsAt, zone)
    ? times
    : `${shortDateIn(from, zone)}, ${times}`;
}

/** "Clashes with “School play” in Lena private, 16:30–18:00". */
export function clashLabel(event: CalendarConflictDto, booking: BookingTime): string {
  const what = event.summary ? `“${event.summary}”` : 'an event';
  return `Clashes with ${what} in ${event.calendarName}, ${clashWhen(event, booking)}`;
}

/** The events of the photographer's own calendars that overlap this booking, one line each. */
export function CalendarClashes({
  events,
  booking,
}: {
  events: CalendarConflictDto[] | undefined;
  booking: BookingTime;
}) {
  if (!events?.length) return null;
  return (
    <ul className="calendar-clashes" aria-label="Clashes with your calendars">
      {events.map((event) => (
        <li key={`${event.calendarId}-${event.from}-${event.summary ?? ''}`}>
          <svg
            className="calendar-clashes__icon"
            viewBox="0 0 20 20"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d={WARN_ICON} />
          </svg>
          {clashLabel(event, booking)}
        </li>
      ))}
    </ul>
  );
}

/** Above the list: how many upcoming bookings clash, and where the calendars are managed. */
export function CalendarClashBanner({ count }: { count: number }) {
  if (count === 0) return null;
  const title =
    count === 1
      ? '1 upcoming booking clashes with an event in your own calendars'
      : `${count} upcoming bookings clash with events in your own calendars`;
  return (
    <Alert tone="warn" title={title}>
      <p>
        Each one is marked below. Move the session or the event, or check that you can make both.{' '}
        <Link to="/app/studio/calendar">Your calendars</Link>
      </p>
    </Alert>
  );
}
