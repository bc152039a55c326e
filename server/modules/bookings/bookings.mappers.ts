import type {
  AuditEventDto,
  BookingAction,
  BookingDto,
} from '../../../shared/bookings/bookings.types';
import type { AuditEvent } from './audit-event.entity';
import type { Booking } from './booking.entity';
import {
  allowedActions,
  type BookingActor,
  type TransitionSubject,
} from './domain/booking-state-machine';

export const MANUAL_PAYMENT_LABEL = 'Pay at the studio — nothing is charged online';

export function subjectOf(booking: Booking): TransitionSubject {
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
  booking: Booking,
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
    payment: {
      provider: booking.paymentProvider,
      status: booking.paymentStatus,
      amountPaidCents: booking.amountPaidCents,
      label:
        booking.paymentStatus === 'due_at_studio' ? MANUAL_PAYMENT_LABEL : 'Nothing to pay yet',
    },
    notes: booking.notes,
    draftId: booking.draftId,
    createdAt: booking.createdAt.toISOString(),
    allowedActions: actions,
  };
}

export function toAuditEventDto(event: AuditEvent): AuditEventDto {
  return {
    id: event.id,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorRole: event.actorRole,
    at: event.at.toISOString(),
  };
}
