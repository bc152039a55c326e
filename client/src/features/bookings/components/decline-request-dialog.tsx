import { useState } from 'react';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useBookingAction } from '../api/booking-actions';
import { BookingErrorAlert } from './booking-error-alert';
import { BookingWhen } from './booking-when';

const REASON_MAX = 500;

/** Declining a request is final: the photographer confirms it and may tell the client why. */
export function DeclineRequestDialog({
  booking,
  open,
  onClose,
}: {
  booking: BookingDto;
  open: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const decline = useBookingAction();

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title="Decline this request?"
      confirmLabel="Decline the request"
      cancelLabel="Keep the request"
      pending={decline.isPending}
      onConfirm={() =>
        decline.mutate(
          { id: booking.id, action: 'decline', reason: reason.trim() || undefined },
          { onSuccess: onClose },
        )
      }
    >
      <p>
        {booking.price.packageName} for {booking.client.name}
        <br />
        <BookingWhen booking={booking} compact />
      </p>
      <p className="text-muted text-sm">
        The time becomes free again and {booking.client.name} is told by email. Nothing was charged.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="decline-reason">
          A note for {booking.client.name} <span className="text-muted">(optional)</span>
        </label>
        <textarea
          id="decline-reason"
          className="field__input"
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="For example: I'm away that week, but free the week after."
        />
        <p className="field__hint">They see it on the booking and in the email.</p>
      </div>
      {decline.isError ? <BookingErrorAlert error={decline.error} /> : null}
    </ConfirmDialog>
  );
}
