import type { BookingDto } from '@shared/bookings/bookings.types';
import { dayKeyIn, longDateIn, shortDateIn, timeIn, viewerTimeZone } from '@/lib/zoned-time';

/**
 * When a session is: the viewer's date and times first, then the studio's wall clock and zone
 * (with its date when it differs), e.g. "Tuesday 10 March 2026, 10:00–11:00 your time ·
 * 09:00–10:00 in Europe/Berlin".
 */
export function BookingWhen({
  booking,
  viewerZone = viewerTimeZone(),
  compact = false,
}: {
  booking: Pick<BookingDto, 'startsAt' | 'endsAt' | 'timeZone'>;
  viewerZone?: string;
  compact?: boolean;
}) {
  const { startsAt, endsAt, timeZone } = booking;
  const date = compact ? shortDateIn(startsAt, viewerZone) : longDateIn(startsAt, viewerZone);
  const mine = `${timeIn(startsAt, viewerZone)}–${timeIn(endsAt, viewerZone)}`;
  if (viewerZone === timeZone) {
    return (
      <span className="booking-when">
        <strong>
          {date}, {mine}
        </strong>{' '}
        <span className="booking-when__zone">in {timeZone}</span>
      </span>
    );
  }
  const otherDay = dayKeyIn(startsAt, viewerZone) !== dayKeyIn(startsAt, timeZone);
  const theirs = `${otherDay ? `${shortDateIn(startsAt, timeZone)}, ` : ''}${timeIn(
    startsAt,
    timeZone,
  )}–${timeIn(endsAt, timeZone)}`;
  return (
    <span className="booking-when">
      <strong>
        {date}, {mine} your time
      </strong>{' '}
      <span className="booking-when__zone">
        · {theirs} in {timeZone}
      </span>
    </span>
  );
}
