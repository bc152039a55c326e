import { useState } from 'react';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { Button } from '@/components/ui/button';
import { type SimpleBookingAction, useBookingAction } from '../api/booking-actions';
import { calendarFileUrl } from '../api/get-booking';
import { BookingErrorAlert } from './booking-error-alert';
import { CancelBookingDialog } from './cancel-booking-dialog';
import { DeclineRequestDialog } from './decline-request-dialog';
import { RescheduleBookingDialog } from './reschedule-booking-dialog';

const labels: Partial<Record<SimpleBookingAction, string>> = {
  confirm: 'Confirm booking',
  approve: 'Approve',
  decline: 'Decline',
  complete: 'Mark completed',
  'no-show': 'Client did not come',
};

/**
 * The buttons for what the caller may do next — exactly the server's `allowedActions`, so the
 * screen never offers a step the state machine would refuse.
 */
export function BookingActionsBar({
  booking,
  viewer,
  showCalendar = true,
}: {
  booking: BookingDto;
  viewer: 'client' | 'photographer' | 'admin';
  showCalendar?: boolean;
}) {
  const [dialog, setDialog] = useState<'cancel' | 'reschedule' | 'decline' | null>(null);
  const action = useBookingAction();
  const allowed = new Set(booking.allowedActions);
  // Admins look; the parties act.
  const direct = (['confirm', 'approve', 'decline', 'complete', 'no_show'] as const).filter(
    (a) => viewer !== 'admin' && allowed.has(a),
  );
  const calendarWorthy = ['held', 'requested', 'confirmed', 'rescheduled'].includes(booking.status);

  return (
    <div className="booking-actions">
      <div className="booking-actions__buttons">
        {direct.map((name) => {
          const route: SimpleBookingAction = name === 'no_show' ? 'no-show' : name;
          const primary = name === 'confirm' || name === 'approve' || name === 'complete';
          return (
            <Button
              key={name}
              size="sm"
              variant={primary ? 'primary' : 'secondary'}
              loading={action.isPending && action.variables?.action === route}
              disabled={action.isPending}
              onClick={() =>
                // Declining is final: it asks first, with an optional note for the client.
                route === 'decline'
                  ? setDialog('decline')
                  : action.mutate({ id: booking.id, action: route })
              }
            >
              {labels[route]}
            </Button>
          );
        })}
        {allowed.has('reschedule') && viewer !== 'admin' ? (
          <Button size="sm" variant="secondary" onClick={() => setDialog('reschedule')}>
            Reschedule
          </Button>
        ) : null}
        {/* A photographer answers a request with Decline, not with a cancellation. */}
        {allowed.has('cancel') &&
        viewer !== 'admin' &&
        !(viewer === 'photographer' && allowed.has('decline')) ? (
          <Button size="sm" variant="ghost" onClick={() => setDialog('cancel')}>
            Cancel booking
          </Button>
        ) : null}
        {viewer !== 'admin' &&
        !allowed.has('reschedule') &&
        ['confirmed', 'rescheduled'].includes(booking.status) &&
        new Date(booking.startsAt) > new Date() ? (
          <p className="text-muted text-sm booking-actions__note">
            It can no longer be moved: the photographer&apos;s policy allows moving a booking until{' '}
            {booking.policy.rescheduleCutoffHours} hours before it starts.
          </p>
        ) : null}
        {showCalendar && calendarWorthy ? (
          <a className="btn btn--ghost btn--sm" href={calendarFileUrl(booking.id)} download>
            Add to calendar
          </a>
        ) : null}
      </div>
      {action.isError ? <BookingErrorAlert error={action.error} /> : null}
      {viewer !== 'admin' ? (
        <>
          <CancelBookingDialog
            booking={booking}
            viewer={viewer}
            open={dialog === 'cancel'}
            onClose={() => setDialog(null)}
          />
          {viewer === 'photographer' ? (
            <DeclineRequestDialog
              booking={booking}
              open={dialog === 'decline'}
              onClose={() => setDialog(null)}
            />
          ) : null}
          <RescheduleBookingDialog
            booking={booking}
            open={dialog === 'reschedule'}
            onClose={() => setDialog(null)}
          />
        </>
      ) : null}
    </div>
  );
}
