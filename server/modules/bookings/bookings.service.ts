import { Injectable } from '@nestjs/common';
import type { BookingListQuery } from '../../../shared/bookings/bookings.schema';
import {
  ACTIVE_BOOKING_STATUSES,
  type AuditEventDto,
  type BookingAction,
  type BookingLedgerDto,
  type BookingDto,
  type CancellationPreviewDto,
} from '../../../shared/bookings/bookings.types';
import type { Page } from '../../../shared/admin/admin.types';
import type { RescheduleSlotsQuery } from '../../../shared/photographers/photographers.schema';
import type { SlotsDto } from '../../../shared/photographers/photographers.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock';
import { blockedRange } from '../../../shared/photographers/slots';
import { BookingAccessService, listActorOf } from './booking-access.service';
import type { Booking } from './booking.entity';
import { BookingPaymentsService } from './booking-payments.service';
import { eventOf } from './booking-events';
import { BookingWriter, type NewAuditEvent } from './booking-writer';
import { BookingError } from './bookings.errors';
import { subjectOf, toAuditEventDto } from './bookings.mappers';
import { BookingsRepository } from './bookings.repository';
import { type BookingActor, decideTransition } from './domain/booking-state-machine';
import { refundForCancellation } from './domain/refund';
import { SlotsService } from './slots.service';

/**
 * The booking lifecycle after the hold: load → decide (pure state machine) → write with an audit
 * event. Who may see a booking is `BookingAccessService`; holding a slot, `BookingHoldsService`.
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly repository: BookingsRepository,
    private readonly access: BookingAccessService,
    private readonly writer: BookingWriter,
    private readonly slots: SlotsService,
    private readonly payments: BookingPaymentsService,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext, query: BookingListQuery): Promise<Page<BookingDto>> {
    const now = this.clock.now();
    await this.access.expireLapsedHolds(now);
    const scope = await this.access.scopeOf(auth);
    const [items, total] = await this.repository.page({ ...scope, ...query });
    const dtos = await this.access.describeMany(items, listActorOf(auth), now);
    return { items: dtos, page: query.page, pageSize: query.pageSize, total };
  }

  /** The caller's bookings still in play (held, requested, confirmed, rescheduled), soonest first. */
  async openBookings(auth: AuthContext): Promise<BookingDto[]> {
    const now = this.clock.now();
    await this.access.expireLapsedHolds(now);
    const scope = await this.access.scopeOf(auth);
    const [items] = await this.repository.page({
      ...scope,
      statuses: ACTIVE_BOOKING_STATUSES,
      page: 1,
      pageSize: 10_000,
    });
    return this.access.describeMany(items, listActorOf(auth), now);
  }

  async get(auth: AuthContext, id: string): Promise<BookingDto> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.load(auth, id, now);
    return this.access.describe(booking, actor, now);
  }

  async history(auth: AuthContext, id: string): Promise<AuditEventDto[]> {
    const { booking } = await this.access.load(auth, id, this.clock.now());
    return (await this.repository.eventsOf(booking.id)).map(toAuditEventDto);
  }

  /** confirm · approve · decline · complete · no_show · cancel: one path through the machine. */
  async act(
    auth: AuthContext,
    id: string,
    action: Exclude<BookingAction, 'reschedule' | 'expire' | 'deliver'>,
    reason?: string,
  ): Promise<BookingDto> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.load(auth, id, now);
    const nothingToPay = booking.price.totalCents === 0;
    if (action === 'confirm' && actor === 'client' && this.payments.online && !nothingToPay) {
      // With online payments the held slot is confirmed by the payment itself; a booking a draft
      // credit (or a free package) brought to zero has nothing to pay and is confirmed directly.
      throw BookingError.paymentRequired();
    }
    const decision = decideTransition(subjectOf(booking), action, actor, now);
    if (!decision.ok) throw BookingError.transition(decision.code, decision.message);
    const patch: Partial<Booking> = {
      status: decision.to,
      updatedAt: now,
      sequence: booking.sequence + 1,
    };
    let details: Record<string, unknown> | null = null;
    if (decision.to === 'confirmed' || decision.to === 'requested') patch.holdExpiresAt = null;
    // With the manual provider the price is due at the studio once the booking is confirmed;
    // online, a confirmation without a payment means there was nothing to pay.
    if (decision.to === 'confirmed' && (!this.payments.online || nothingToPay)) {
      patch.paymentStatus = this.payments.online ? 'paid' : 'due_at_studio';
    }
    if (action === 'decline' && reason) details = { reason };
    if (action === 'cancel') {
      const refund = cancellationRefund(booking, actor, now);
      details = { refundPercent: refund.refundPercent, refundCents: refund.refundCents };
    }
    await this.commit(
      booking,
      patch,
      eventOf(auth, action, booking.status, decision.to, details),
      false,
      now,
    );
    return this.get(auth, id);
  }

  /** The photographer delivered the finals (called by the gallery module once they are all in). */
  async markDelivered(auth: AuthContext, id: string): Promise<BookingDto> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.load(auth, id, now);
    const decision = decideTransition(subjectOf(booking), 'deliver', actor, now);
    if (!decision.ok) throw BookingError.transition(decision.code, decision.message);
    const patch = { status: decision.to, updatedAt: now, sequence: booking.sequence + 1 };
    const event = eventOf(auth, 'deliver', booking.status, decision.to);
    await this.commit(booking, patch, event, false, now);
    return this.get(auth, id);
  }

  /**
   * Where the booking can move: the free times of its package, counting its own current time as
   * free (moving 30 minutes later may overlap where it is now).
   */
  async rescheduleSlots(
    auth: AuthContext,
    id: string,
    query: RescheduleSlotsQuery,
  ): Promise<SlotsDto> {
    const { booking } = await this.access.load(auth, id, this.clock.now());
    return this.slots.slots(
      booking.photographerId,
      { ...query, packageId: booking.packageId },
      booking.id,
    );
  }

  async reschedule(auth: AuthContext, id: string, startsAtIso: string): Promise<BookingDto> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.load(auth, id, now);
    const decision = decideTransition(subjectOf(booking), 'reschedule', actor, now);
    if (!decision.ok) throw BookingError.transition(decision.code, decision.message);
    const startsAt = new Date(startsAtIso);
    await this.slots.bookableOfferAt(booking.packageId, startsAt, now, {
      photographerId: booking.photographerId,
      exceptBookingId: booking.id,
    });
    // The session keeps its booked length and buffers, whatever the package says today.
    const range = blockedRange(startsAt, booking.price.durationMinutes, booking.policy);
    const event = eventOf(auth, 'reschedule', booking.status, decision.to, {
      previousStartsAt: booking.startsAt.toISOString(),
      startsAt: startsAt.toISOString(),
    });
    await this.commit(
      booking,
      { ...range, status: decision.to, updatedAt: now, sequence: booking.sequence + 1 },
      event,
      true,
      now,
    );
    return this.get(auth, id);
  }

  async cancellationPreview(auth: AuthContext, id: string): Promise<CancellationPreviewDto> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.load(auth, id, now);
    const decision = decideTransition(subjectOf(booking), 'cancel', actor, now);
    const refund = cancellationRefund(booking, actor, now);
    return {
      allowed: decision.ok,
      reason: decision.ok ? null : decision.code,
      refundPercent: refund.refundPercent,
      refundCents: refund.refundCents,
      amountPaidCents: booking.amountPaidCents,
      currency: booking.price.currency,
      hoursBeforeStart: refund.hoursBeforeStart,
      tierLabel: refund.tierLabel,
    };
  }

  private async commit(
    booking: Booking,
    patch: Partial<Booking>,
    event: NewAuditEvent,
    movesRange: boolean,
    now: Date,
  ): Promise<void> {
    const applied = await this.writer.apply(
      { id: booking.id, from: booking.status, patch, event, movesRange },
      now,
    );
    if (!applied) {
      throw BookingError.transition(
        'BOOKING_CHANGED',
        'This booking was changed at the same moment. Reload it and try again.',
      );
    }
    await this.payments.afterTransition(booking.id, event);
  }

  async ledger(auth: AuthContext, id: string): Promise<BookingLedgerDto> {
    const { booking } = await this.access.load(auth, id, this.clock.now());
    return this.payments.ledgerOf(booking);
  }
}

/** What cancelling now gives back, by the policy tiers the booking was made under. */
function cancellationRefund(booking: Booking, actor: BookingActor, now: Date) {
  return refundForCancellation({
    tiers: booking.policy.cancellationTiers,
    amountPaidCents: booking.amountPaidCents,
    startsAt: booking.startsAt,
    now,
    cancelledBy: actor === 'client' ? 'client' : 'photographer',
  });
}
