import type { BookingDto } from '@shared/bookings/bookings.types';
import { formatMoney, formatPrice } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { useBookingAction, useStartBookingCheckout } from '../api/booking-actions';
import { calendarFileUrl } from '../api/get-booking';
import { BookingStatusBadge } from './booking-status';
import { BookingWhen } from './booking-when';
import { BookingErrorAlert } from './booking-error-alert';
import { HoldCountdown } from './hold-countdown';
import { PaymentNotice, paymentOnItsWay } from './payment-notice';
import { useNow } from './use-now';
import './booking-flow.css';

/** Plain words for how the client pays, for the manual provider (no online payment). */
export const PAY_AT_STUDIO = 'Pay at the studio — nothing is charged online';

interface BookingProgressProps {
  booking: BookingDto;
  onChange: (booking: BookingDto) => void;
  /** Start again with another time (after a lapsed or released hold). */
  onStartOver: () => void;
  viewerZone?: string;
}

/** Step 4 and after: the held slot with its countdown, the confirm step, and the outcome. */
export function BookingProgress({
  booking,
  onChange,
  onStartOver,
  viewerZone,
}: BookingProgressProps) {
  const action = useBookingAction();
  const checkout = useStartBookingCheckout({ navigate: (url) => window.location.assign(url) });
  // Without a Stripe key the `manual` provider confirms and the client pays at the studio.
  // A total a draft credit brought to zero has nothing to pay: confirm it directly.
  const paysOnline =
    (booking.payment.provider as string) !== 'manual' && booking.price.totalCents > 0;
  const now = useNow();
  const lapsed =
    booking.status === 'expired' ||
    (booking.status === 'held' &&
      booking.holdExpiresAt !== null &&
      Date.parse(booking.holdExpiresAt) <= now.getTime());
  const { price } = booking;

  const confirm = () =>
    paysOnline
      ? checkout.mutate(booking.id)
      : action.mutate({ id: booking.id, action: 'confirm' }, { onSuccess: onChange });

  const details = (
    <dl className="booking-summary">
      <div>
        <dt>Session</dt>
        <dd>
          {price.packageName} · {price.durationMinutes} min with {booking.photographer.name}
        </dd>
      </div>
      <div>
        <dt>When</dt>
        <dd>
          <BookingWhen booking={booking} viewerZone={viewerZone} />
        </dd>
      </div>
      <div>
        <dt>Where</dt>
        <dd>
          {price.location === 'on_location'
            ? 'At your location (the photographer will contact you)'
            : (booking.photographer.studioAddress ?? booking.photographer.city)}
        </dd>
      </div>
      <div>
        <dt>Price</dt>
        <dd>
          {formatPrice(price.totalCents, price.currency)}
          {price.travelFeeCents > 0
            ? ` (incl. ${formatPrice(price.travelFeeCents, price.currency)} travel)`
            : ''}
          {price.draftCredit
            ? ` after your ${formatMoney(price.draftCredit.amountCents, price.currency)} AI draft credit`
            : ''}
        </dd>
      </div>
      <div>
        <dt>Payment</dt>
        <dd className={paysOnline ? undefined : 'booking-summary__pay'}>
          {paysOnline ? booking.payment.label : PAY_AT_STUDIO}
        </dd>
      </div>
    </dl>
  );

  if (booking.payment.status === 'payment_failed' || paymentOnItsWay(booking)) {
    return (
      <div className="booking-step__content">
        <PaymentNotice booking={booking} viewer="client" bookAgainLink={false} />
        {details}
        {paymentOnItsWay(booking) ? (
          <div className="booking-step__actions">
            <ButtonLink to={`/app/bookings/${booking.id}`}>See it in My bookings</ButtonLink>
          </div>
        ) : (
          <div className="booking-step__actions">
            <Button onClick={onStartOver}>Pick a time again</Button>
          </div>
        )}
      </div>
    );
  }

  if (lapsed) {
    return (
      <div className="booking-step__content">
        <Alert tone="warn" title="Your hold lapsed">
          Holds last 15 minutes so nobody blocks a photographer&apos;s time. The time may still be
          free: pick it again.
        </Alert>
        <div className="booking-step__actions">
          <Button onClick={onStartOver}>Pick a time again</Button>
        </div>
      </div>
    );
  }

  if (booking.status === 'held') {
    return (
      <div className="booking-step__content">
        <HoldCountdown expiresAt={booking.holdExpiresAt ?? booking.startsAt} />
        {action.isError || checkout.isError ? (
          <BookingErrorAlert error={action.error ?? checkout.error} />
        ) : null}
        {details}
        {booking.policy.bookingMode === 'approval' ? (
          <p className="text-muted text-sm">
            {booking.photographer.name} approves each booking by hand: after you confirm, they have
            the final word and you&apos;ll see the answer in My bookings.
          </p>
        ) : null}
        <div className="booking-step__actions">
          <Button
            size="lg"
            loading={
              checkout.isPending || (action.isPending && action.variables?.action === 'confirm')
            }
            disabled={action.isPending}
            onClick={confirm}
          >
            {paysOnline
              ? 'Continue to payment'
              : booking.policy.bookingMode === 'approval'
                ? 'Send the request'
                : 'Confirm booking'}
          </Button>
          <Button
            variant="ghost"
            loading={action.isPending && action.variables?.action === 'cancel'}
            disabled={action.isPending}
            onClick={() =>
              action.mutate({ id: booking.id, action: 'cancel' }, { onSuccess: onStartOver })
            }
          >
            Release it and choose another time
          </Button>
        </div>
      </div>
    );
  }

  const requested = booking.status === 'requested';
  return (
    <div className="booking-step__content">
      <Alert
        tone="success"
        title={requested ? 'Request sent' : `You're booked with ${booking.photographer.name}`}
      >
        {requested
          ? `${booking.photographer.name} will approve or decline it. The time stays reserved for you meanwhile.`
          : 'We sent the details to My bookings. Add it to your calendar so you don’t miss it.'}
      </Alert>
      <p>
        <BookingStatusBadge status={booking.status} />
      </p>
      {details}
      <div className="booking-step__actions">
        <ButtonLink to={`/app/bookings/${booking.id}`}>See it in My bookings</ButtonLink>
        <a className="btn btn--secondary btn--md" href={calendarFileUrl(booking.id)} download>
          Add to calendar (.ics)
        </a>
      </div>
    </div>
  );
}
