import type { BookingDto } from '@shared/bookings/bookings.types';
import { formatMoney } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/error-messages';
import { useBookingAction } from '../api/booking-actions';
import { useCancellationPreview } from '../api/get-booking';
import { BookingErrorAlert } from './booking-error-alert';
import { BookingWhen } from './booking-when';

const reasons: Record<string, string> = {
  BOOKING_ALREADY_STARTED: 'The session has already started, so it can no longer be cancelled.',
  BOOKING_TRANSITION_NOT_ALLOWED: 'This booking can no longer be cancelled.',
};

/**
 * Asks the server what cancelling now would refund (from the policy snapshot taken when the
 * booking was made) and shows it before anything is cancelled.
 */
export function CancelBookingDialog({
  booking,
  open,
  onClose,
  viewer,
}: {
  booking: BookingDto;
  open: boolean;
  onClose: () => void;
  viewer: 'client' | 'photographer';
}) {
  const preview = useCancellationPreview(booking.id, open);
  const cancel = useBookingAction();
  const p = preview.data;
  const money = (cents: number) => formatMoney(cents, p?.currency ?? booking.price.currency);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Cancel this booking?"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Keep the booking
          </Button>
          <Button
            variant="danger"
            disabled={!p?.allowed}
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate({ id: booking.id, action: 'cancel' }, { onSuccess: onClose })
            }
          >
            Cancel the booking
          </Button>
        </>
      }
    >
      <div className="stack">
        <p>
          {booking.price.packageName} with{' '}
          {viewer === 'client' ? booking.photographer.name : booking.client.name}
          <br />
          <BookingWhen booking={booking} compact />
        </p>
        {preview.isPending ? <Spinner label="Working out your refund…" /> : null}
        {preview.isError ? (
          <Alert tone="danger" title="Could not work out the refund">
            {describeError(preview.error)}
          </Alert>
        ) : null}
        {p && !p.allowed ? (
          <Alert tone="warn" title="This booking can't be cancelled">
            {reasons[p.reason ?? ''] ?? 'This booking can no longer be cancelled.'}
          </Alert>
        ) : null}
        {p?.allowed ? (
          <div className="refund-preview" aria-label="Refund if you cancel now">
            {p.amountPaidCents === 0 ? (
              <p className="refund-preview__amount">
                <strong>Nothing to refund</strong>: nothing was charged online.
              </p>
            ) : (
              <p className="refund-preview__amount">
                {viewer === 'photographer' ? 'The client gets back' : 'You get back'}{' '}
                <strong>{money(p.refundCents)}</strong> ({p.refundPercent} % of{' '}
                {money(p.amountPaidCents)} paid)
              </p>
            )}
            <p className="text-muted text-sm">
              {viewer === 'photographer'
                ? 'When you cancel, the client always gets everything they paid back.'
                : `The session starts in ${hoursLabel(p.hoursBeforeStart)}. Policy: ${lowerFirst(p.tierLabel)}.`}
            </p>
          </div>
        ) : null}
        {cancel.isError ? <BookingErrorAlert error={cancel.error} /> : null}
      </div>
    </Dialog>
  );
}

function hoursLabel(hours: number): string {
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  const whole = Math.max(0, Math.floor(hours));
  return `${whole} hour${whole === 1 ? '' : 's'}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
