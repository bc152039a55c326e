import type { AuditEventDto } from '@shared/bookings/bookings.types';
import { dateTimeIn, viewerTimeZone } from '@/lib/zoned-time';

const actions: Record<string, string> = {
  hold: 'Time held',
  payment_received: 'Payment received',
  payment_processing: 'Paid by bank transfer / direct debit: on its way, time held',
  payment_failed: 'The payment did not go through: time released',
  balance_charged: 'Balance charged',
  balance_paid: 'Balance paid',
  balance_needs_authentication: 'Balance needs the card holder: pay link sent',
  late_payment: 'Payment arrived after the hold ended',
  refunded: 'Refunded',
  extras_paid: 'Extra photos paid',
  extras_refunded: 'Extra photos refunded',
  confirm: 'Confirmed',
  approve: 'Approved',
  decline: 'Declined',
  cancel: 'Cancelled',
  reschedule: 'Moved to a new time',
  complete: 'Marked completed',
  no_show: 'Marked as a no-show',
  expire: 'Hold lapsed',
  deliver: 'Photos delivered',
};

const actors: Record<string, string> = {
  client: 'the client',
  photographer: 'the photographer',
  admin: 'an admin',
  system: 'Lensbridge',
};

/** Every state change of a booking, oldest first, in the viewer's zone. */
export function AuditTrail({ events }: { events: AuditEventDto[] }) {
  const zone = viewerTimeZone();
  return (
    <ol className="audit-trail">
      {events.map((event) => (
        <li key={event.id} className="audit-trail__item">
          <span className="audit-trail__what">{actions[event.action] ?? event.action}</span>
          <span className="text-muted text-sm">
            by {actors[event.actorRole] ?? event.actorRole} · {dateTimeIn(event.at, zone)}
          </span>
          {event.reason ? <q className="audit-trail__reason">{event.reason}</q> : null}
        </li>
      ))}
    </ol>
  );
}
