import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CLOSED_BOOKING_STATUSES } from '../../../shared/bookings/bookings.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock';
import { BookingAccessService } from './booking-access.service';
import { bookingCalendar } from './domain/calendar-ics';

/** The `.ics` file of a booking; confirmation emails will attach the same file. */
@Injectable()
export class BookingCalendarService {
  constructor(
    private readonly bookings: BookingAccessService,
    private readonly clock: Clock,
  ) {}

  async calendarFile(auth: AuthContext, id: string): Promise<string> {
    const now = this.clock.now();
    const { booking } = await this.bookings.load(auth, id, now);
    const dto = await this.bookings.describe(booking, 'client', now);
    const local = DateTime.fromJSDate(booking.startsAt, { zone: booking.timeZone });
    return bookingCalendar({
      uid: `booking-${booking.id}@lensbridge`,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      timeZone: booking.timeZone,
      summary: `${booking.price.packageName} with ${dto.photographer.name}`,
      description: [
        `${booking.price.packageName}, ${booking.price.durationMinutes} minutes.`,
        `Starts ${local.toFormat('cccc d LLLL yyyy, HH:mm')} studio time (${booking.timeZone}).`,
        `Status: ${booking.status.replaceAll('_', ' ')}. ${dto.payment.label}.`,
      ].join('\n'),
      location: dto.photographer.studioAddress ?? dto.photographer.city,
      status: CLOSED_BOOKING_STATUSES.includes(booking.status)
        ? 'CANCELLED'
        : booking.status === 'confirmed' || booking.status === 'rescheduled'
          ? 'CONFIRMED'
          : 'TENTATIVE',
      stamp: now,
      sequence: booking.sequence,
    });
  }
}
