import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CreateBookingInput } from '../../../shared/bookings/bookings.schema';
import type { BookingDto } from '../../../shared/bookings/bookings.types';
import { priceBooking } from '../../../shared/bookings/pricing';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock';
import { blockedRange } from '../../../shared/photographers/slots';
import { BookingAccessService } from './booking-access.service';
import { BookingBriefsService } from './booking-briefs.service';
import { Booking } from './booking.entity';
import { BookingPaymentsService } from './booking-payments.service';
import { eventOf } from './booking-events';
import { BookingWriter } from './booking-writer';
import { SlotsService } from './slots.service';

/** How long a held slot waits for checkout (docs/design.md §4). */
export const HOLD_MINUTES = 15;

/** A client holds a free slot: priced on the server, with its brief and credit, or nothing. */
@Injectable()
export class BookingHoldsService {
  constructor(
    private readonly slots: SlotsService,
    private readonly writer: BookingWriter,
    private readonly payments: BookingPaymentsService,
    private readonly briefs: BookingBriefsService,
    private readonly access: BookingAccessService,
    private readonly clock: Clock,
  ) {}

  async hold(auth: AuthContext, input: CreateBookingInput): Promise<BookingDto> {
    const now = this.clock.now();
    const startsAt = new Date(input.startsAt);
    const { profile, pkg, policy, pricing } = await this.slots.bookableOfferAt(
      input.packageId,
      startsAt,
      now,
    );
    const id = randomUUID();
    // Everything is checked before anything is written: the brief and the credit go in with
    // the booking's own insert, or nothing does.
    const notes = input.notes?.length ? input.notes : null;
    const brief = input.draftId ? await this.briefs.briefFor(auth, input, notes) : null;
    const credit = input.creditDraftId
      ? await this.briefs.creditFor(auth, input.creditDraftId, id, priceBooking(pricing), now)
      : null;
    const price = priceBooking(pricing, credit);
    const booking = Object.assign(new Booking(), {
      id,
      clientId: auth.userId,
      photographerId: profile.id,
      packageId: pkg.id,
      status: 'held',
      ...blockedRange(startsAt, pkg.durationMinutes, policy),
      holdExpiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
      timeZone: profile.timeZone,
      clientTimeZone: input.clientTimeZone ?? null,
      price,
      policy,
      paymentProvider: this.payments.providerName,
      paymentStatus: 'not_started',
      amountPaidCents: 0,
      amountRefundedCents: 0,
      payUrl: null,
      notes,
      draftId: brief ? brief.draftId : null,
      draftVariantId: brief ? brief.variantId : null,
      brief: brief ? brief.snapshot : null,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    } satisfies Partial<Booking>);
    const details = credit ? { draftCreditCents: credit.amountCents } : null;
    await this.writer.insert(booking, eventOf(auth, 'hold', null, 'held', details), now, credit);
    return this.access.describe(booking, 'client', now);
  }
}
