import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock';
import { BookingAccessService } from './booking-access.service';
import type { BookingRecord } from './bookings.types';
import { bookingCalendar, bookingUid, calendarStatus } from './domain/calendar-ics';

/** Who and where, as the booking's parties see it. */
export interface CalendarParties {
  photographerName: string;
  location: string;
  paymentLabel: string;
}

/** The `.ics` file of a booking: downloaded from the booking page and attached to emails. */
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
    return this.icsFor(
      booking,
      {
        photographerName: dto.photographer.name,
        location: dto.photographer.studioAddress ?? dto.photographer.city,
        paymentLabel: dto.payment.label,
      },
      now,
    );
  }

  /** The `.ics` text of a booking, the same in the download and in the emails. */
  icsFor(booking: BookingRecord, about: CalendarParties, now: Date): string {
    const local = DateTime.fromJSDate(booking.startsAt, { zone: booking.timeZone });
    return bookingCalendar({
      uid: bookingUid(booking.id),
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      timeZone: booking.timeZone,
      summary: `${booking.price.packageName} with ${about.photographerName}`,
      description: [
        `${booking.price.packageName}, ${booking.price.durationMinutes} minutes.`,
        `Starts ${local.toFormat('cccc d LLLL yyyy, HH:mm')} studio time (${booking.timeZone}).`,
        `Status: ${booking.status.replaceAll('_', ' ')}. ${about.paymentLabel}.`,
      ].join('\n'),
      location: about.location,
      status: calendarStatus(booking.status),
      stamp: now,
      sequence: booking.sequence,
    });
  }
}
