import { Link } from 'react-router';
import type { BookingDto } from '@shared/bookings/bookings.types';
import type { CalendarConflictDto } from '@shared/calendars/calendars.types';
import { formatPrice } from '@shared/money';
import { BookingActionsBar } from './booking-actions-bar';
import { ACTIVE_STATUSES, BookingStatusBadge } from './booking-status';
import { BookingWhen } from './booking-when';
import { CalendarClashes } from './calendar-clash';
import { HoldCountdown } from './hold-countdown';
import { PaymentNoticeLine, paymentOnItsWay } from './payment-notice';
import './bookings.css';

/** Upcoming (still active and not over) soonest first; everything else, latest first. */
export function splitBookings(bookings: BookingDto[], now = new Date()) {
  const upcoming: BookingDto[] = [];
  const past: BookingDto[] = [];
  for (const booking of bookings) {
    const live =
      ACTIVE_STATUSES.includes(booking.status) && Date.parse(booking.endsAt) > now.getTime();
    (live ? upcoming : past).push(booking);
  }
  upcoming.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  past.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

export function BookingList({
  bookings,
  viewer,
  label,
  clashes,
}: {
  bookings: BookingDto[];
  viewer: 'client' | 'photographer' | 'admin';
  label: string;
  /** Events of the photographer's own calendars over a booking, by booking id. */
  clashes?: ReadonlyMap<string, CalendarConflictDto[]>;
}) {
  return (
    <ul className="booking-list" aria-label={label}>
      {bookings.map((booking) => (
        <li key={booking.id} className="booking-item">
          <div className="booking-item__main">
            <div className="booking-item__top">
              <BookingStatusBadge status={booking.status} viewer={viewer} />
              <span className="booking-item__price">
                {formatPrice(booking.price.totalCents, booking.price.currency)}
              </span>
            </div>
            <h3 className="booking-item__title">
              <Link to={`/app/bookings/${booking.id}`}>
                {booking.price.packageName} ·{' '}
                {viewer === 'photographer' ? booking.client.name : booking.photographer.name}
              </Link>
            </h3>
            <p className="booking-item__when">
              <BookingWhen booking={booking} compact />
            </p>
            <CalendarClashes events={clashes?.get(booking.id)} booking={booking} />
            {viewer === 'photographer' && booking.notes ? (
              <p className="booking-item__notes">“{booking.notes}”</p>
            ) : null}
            {viewer === 'photographer' && booking.brief ? (
              <p className="booking-item__when">
                Comes with a brief from the client&apos;s AI draft
              </p>
            ) : null}
            {booking.status === 'held' && booking.holdExpiresAt && !paymentOnItsWay(booking) ? (
              <HoldCountdown expiresAt={booking.holdExpiresAt} />
            ) : null}
            <PaymentNoticeLine booking={booking} viewer={viewer} />
          </div>
          <BookingActionsBar booking={booking} viewer={viewer} />
        </li>
      ))}
    </ul>
  );
}
