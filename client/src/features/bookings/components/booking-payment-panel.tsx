import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { formatMoney } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { describeError } from '@/lib/error-messages';
import { useStartBookingCheckout } from '../api/booking-actions';
import { bookingQueryKey } from '../api/get-booking';
import { useBookingPayments } from '../api/get-booking-payments';
import { PaymentNotice, paymentOnItsWay } from './payment-notice';

const RECEIPT_LABEL: Record<string, string> = { charge: 'Payment', refund: 'Refund' };

/**
 * Online payments on a booking: the return from the payment page, what was paid, refunded and
 * is still due (each on its own line, in the payment's currency), a delayed payment on its way
 * or failed, the receipts, and a way to pay what is due. Shown only when Stripe is on.
 */
export function BookingPaymentPanel({
  booking,
  viewer,
  checkoutResult,
}: {
  booking: BookingDto;
  viewer: 'client' | 'photographer' | 'admin';
  checkoutResult: string | null;
}) {
  const queryClient = useQueryClient();
  const checkout = useStartBookingCheckout({ navigate: (url) => window.location.assign(url) });
  const receipts = useBookingPayments(booking.id, booking.payment.provider === 'stripe');
  const { payment } = booking;
  const money = (cents: number) => formatMoney(cents, payment.currency);
  // Back from the payment page before the provider's confirmation reached us: keep asking.
  const confirming = checkoutResult === 'success' && payment.status === 'awaiting_payment';

  useEffect(() => {
    if (!confirming) return;
    const timer = setInterval(() => {
      void queryClient.invalidateQueries({ queryKey: bookingQueryKey(booking.id) });
    }, 1500);
    return () => clearInterval(timer);
  }, [confirming, booking.id, queryClient]);

  if (payment.provider !== 'stripe') return null;
  return (
    <Card className="stack" aria-labelledby="payment-title">
      <h2 id="payment-title" className="section-heading">
        Payment
      </h2>
      {confirming ? (
        <Alert tone="info" title="Payment received — confirming your booking…">
          This takes a few seconds. You can leave this page; the booking updates by itself.
        </Alert>
      ) : null}
      {checkoutResult === 'success' && !confirming && payment.amountPaidCents > 0 ? (
        <Alert tone="success" title="Thank you — your payment arrived">
          {payment.label}.
        </Alert>
      ) : null}
      <PaymentNotice booking={booking} viewer={viewer} />
      {checkoutResult === 'cancelled' && booking.status === 'held' && !paymentOnItsWay(booking) ? (
        <Alert tone="warn" title="Payment not completed">
          Nothing was charged. Your time is held until the countdown ends: pay to keep it.
        </Alert>
      ) : null}
      <dl className="details">
        <div className="details__row">
          <dt>Status</dt>
          <dd>{payment.label}</dd>
        </div>
        <div className="details__row">
          <dt>Paid</dt>
          <dd>{money(payment.amountPaidCents)}</dd>
        </div>
        {payment.amountRefundedCents > 0 ? (
          <div className="details__row">
            <dt>Refunded</dt>
            <dd>{money(payment.amountRefundedCents)}</dd>
          </div>
        ) : null}
        <div className="details__row">
          <dt>Still due</dt>
          <dd>{money(payment.amountDueCents)}</dd>
        </div>
      </dl>
      {viewer === 'client' &&
      booking.status === 'held' &&
      booking.price.totalCents > 0 &&
      !confirming &&
      !paymentOnItsWay(booking) ? (
        <Button loading={checkout.isPending} onClick={() => checkout.mutate(booking.id)}>
          Pay{' '}
          {booking.price.depositCents > 0 && booking.price.depositCents < booking.price.totalCents
            ? 'the deposit'
            : 'now'}
        </Button>
      ) : null}
      {viewer === 'client' && payment.payUrl ? (
        <ButtonLink to={payment.payUrl} reloadDocument>
          Pay the balance ({money(payment.amountDueCents)})
        </ButtonLink>
      ) : null}
      {checkout.isError ? <Alert tone="danger">{describeError(checkout.error)}</Alert> : null}
      {receipts.data && receipts.data.entries.length > 0 ? (
        <ul className="plain-list" aria-label="Receipts">
          {receipts.data.entries.map((entry) => (
            <li key={`${entry.type}-${entry.at}`}>
              {RECEIPT_LABEL[entry.type] ?? entry.type} · {money(entry.amountCents)} ·{' '}
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
