import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BookingAccessService } from '../bookings/booking-access.service';
import { BookingCalendarService } from '../bookings/booking-calendar.service';
import type { BookingRecord } from '../bookings/bookings.types';
import { deliveryPromise } from '../../../shared/gallery/delivery-promise';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { UsersService } from '../users/users.service';
import type { PlannedEmail } from './domain/email-plan';
import { renderEmail } from './domain/email-templates';
import type { MailAttachment } from './domain/mail-message';
import type { ComposedMail } from './outbox.service';

/** The jobs read bookings as the platform itself (an admin that is nobody). */
const SYSTEM: AuthContext = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  sessionId: 'system',
  csrfToken: '',
  emailVerified: true,
  sessionExpiresAt: new Date(8.64e15),
};

/**
 * Turns a planned email into a message for one person: their name and address, every time in
 * their zone (photographers: their studio's zone; clients: the zone their browser reported when
 * they booked, or else the studio's zone, named as such), and the calendar file for confirmations and moves.
 */
@Injectable()
export class EmailComposer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bookings: BookingAccessService,
    private readonly catalog: PhotographerCatalog,
    private readonly users: UsersService,
    private readonly calendar: BookingCalendarService,
  ) {}

  async compose(
    planned: PlannedEmail,
    details: Record<string, unknown>,
    now: Date,
  ): Promise<ComposedMail | null> {
    const { booking } = await this.bookings.load(SYSTEM, planned.bookingId, now);
    const dto = await this.bookings.describe(booking, 'admin', now);
    const profile = await this.catalog.profileById(booking.photographerId);
    const userId = planned.to === 'client' ? booking.clientId : profile?.userId;
    const person = userId ? await this.users.findById(userId) : null;
    if (!person || !profile) return null;
    const clientZone = booking.clientTimeZone ?? booking.timeZone;
    const zone = planned.to === 'client' ? clientZone : profile.timeZone;
    const base = `${this.config.publicUrl}/app/deliveries/${booking.id}`;
    const rendered = renderEmail({
      kind: planned.kind,
      to: planned.to,
      recipientName: person.name,
      photographerName: dto.photographer.name,
      clientName: dto.client.name,
      packageName: booking.price.packageName,
      startsAt: booking.startsAt,
      zone,
      zoneLabel:
        planned.to !== 'client'
          ? 'your studio time'
          : booking.clientTimeZone
            ? 'your time'
            : 'studio time',
      location: dto.photographer.studioAddress ?? dto.photographer.city,
      paymentLabel: dto.payment.label,
      currency: booking.price.currency,
      includedImages: booking.price.includedImages,
      dueDate: deliveryPromise({
        sessionStartsAt: booking.startsAt,
        deliveryDays: booking.price.deliveryDays,
        timeZone: booking.timeZone,
        deliveredAt: null,
        now,
      }).dueDate,
      links: {
        booking: `${this.config.publicUrl}/app/bookings/${booking.id}`,
        gallery: base,
        downloads: `${base}/download`,
        review: `${base}#review`,
      },
      details,
    });
    const calendar =
      planned.kind === 'booking_confirmed' || planned.kind === 'booking_rescheduled'
        ? [
            this.calendarFile(
              booking,
              dto.photographer.name,
              dto.photographer.studioAddress ?? dto.photographer.city,
              dto.payment.label,
              now,
            ),
          ]
        : [];
    return {
      to: { name: person.name, address: person.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: calendar,
    };
  }

  private calendarFile(
    booking: BookingRecord,
    photographerName: string,
    location: string,
    paymentLabel: string,
    now: Date,
  ): MailAttachment {
    const ics = this.calendar.icsFor(booking, { photographerName, location, paymentLabel }, now);
    return {
      fileName: 'lensbridge-session.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: ics,
    };
  }
}
