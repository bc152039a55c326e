import { type BookingStatus, CLOSED_BOOKING_STATUSES } from './bookings.types';

/**
 * What the client still owes for a booking's session under its terms: the total price less
 * everything they paid towards it. Refunds are shown on their own and never make money due
 * again (a goodwill refund is not a debt); a booking that ended without its session owes
 * nothing. The API, the balance charge and the pages all use this one rule.
 */
export function amountDueCents(booking: {
  status: BookingStatus;
  totalCents: number;
  amountPaidCents: number;
}): number {
  if (CLOSED_BOOKING_STATUSES.includes(booking.status)) return 0;
  return Math.max(0, booking.totalCents - booking.amountPaidCents);
}
