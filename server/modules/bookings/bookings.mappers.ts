import { amountDueCents } from '../../../shared/bookings/amount-due';
import type {
  AuditEventDto,
  BookingAction,
  BookingDto,
  BookingPaymentStatus,
} from '../../../shared/bookings/bookings.types';
import type { AuditEntry } from '../audit/audit.types';
import type { BookingRecord } from './bookings.types';
import { toBookingBriefDto } from './booking-brief';
import {
  allowedActions,
  type BookingActor,
  type TransitionSubject,
} from './domain/booking-state-machine';

export const MANUAL_PAYMENT_LABEL = 'Pay at the studio — nothing is charged online';

export function subjectOf(booking: BookingRecord): TransitionSubject {
  return {
    status: booking.status,
    startsAt: booking.startsAt,
    holdExpiresAt: booking.holdExpiresAt,
    bookingMode: booking.policy.bookingMode,
    rescheduleCutoffHours: booking.policy.rescheduleCutoffHours,
  };
}

export interface BookingParties {
  photographer: { id: string; name: string; city: string; studioAddress: string | null };
  client: { id: string; name: string };
}

export function toBookingDto(
  booking: BookingRecord,
  parties: BookingParties,
  actor: BookingActor,
  now: Date,
): BookingDto {
  const actions: BookingAction[] = allowedActions(subjectOf(booking), actor, now).filter(
    (action) => action !== 'expire' && action !== 'deliver',
  );
  return {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    timeZone: booking.timeZone,
    holdExpiresAt: booking.holdExpiresAt?.toISOString() ?? null,
    photographer: parties.photographer,
    client: parties.client,
    packageId: booking.packageId,
    price: booking.price,
    policy: booking.policy,
    payment: toBookingPaymentDto(booking),
    notes: booking.notes,
    draftId: booking.draftId,
    brief: toBookingBriefDto(booking.id, booking.brief, booking.draftId),
    createdAt: booking.createdAt.toISOString(),
    allowedActions: actions,
  };
}

const PAYMENT_LABELS: Record<BookingPaymentStatus, string> = {
  not_started: 'Nothing to pay yet',
  due_at_studio: MANUAL_PAYMENT_LABEL,
  awaiting_payment: 'Waiting for your payment',
  payment_processing: 'Payment on its way from the bank — the time stays held until it arrives',
  payment_failed: 'The payment did not go through — the time was released',
  deposit_paid: 'Deposit paid — the balance is charged when the session is completed',
  balance_due: 'Balance due — the bank asked the card holder to confirm',
  paid: 'Paid in full',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

export function toBookingPaymentDto(booking: BookingRecord): BookingDto['payment'] {
  return {
    provider: booking.paymentProvider,
    status: booking.paymentStatus,
    currency: booking.price.currency,
    amountPaidCents: booking.amountPaidCents,
    amountRefundedCents: booking.amountRefundedCents,
    amountDueCents: amountDueCents({
      status: booking.status,
      totalCents: booking.price.totalCents,
      amountPaidCents: booking.amountPaidCents,
    }),
    label: PAYMENT_LABELS[booking.paymentStatus],
    payUrl: booking.payUrl,
  };
}

export function toAuditEventDto(event: AuditEntry): AuditEventDto {
  return {
    id: event.id,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorRole: event.actorRole,
    at: event.at.toISOString(),
    ...(typeof event.details?.reason === 'string' && event.action === 'decline'
      ? { reason: event.details.reason }
      : {}),
  };
}
