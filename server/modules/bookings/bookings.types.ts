import type { Booking } from './booking.entity';

export type { BookingActor } from './domain/booking-state-machine';

/**
 * A booking as other modules see it (from BookingAccessService): read-only facts. Every change
 * goes through the bookings module's services, which apply state-machine transitions.
 */
export type BookingRecord = Readonly<Booking>;
