import type { BookingDto } from '@shared/bookings/bookings.types';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';

type Viewer = 'client' | 'photographer' | 'admin';

/**
 * A payment with a delayed method (SEPA Direct Debit, bank transfer) that has not arrived yet:
 * the slot stays held, so no countdown and no second "Pay" button.
 */
export function paymentOnItsWay(booking: BookingDto): boolean {
  return booking.payment.status === 'payment_processing';
}

/** Plain words for the two delayed-payment states, or null for every other one. */
export function paymentNoticeText(
  booking: BookingDto,
  viewer: Viewer,
): { title: string; text: string } | null {
  const client = viewer === 'client';
  if (booking.payment.status === 'payment_processing') {
    return {
      title: client ? 'Your payment is on its way' : 'The client’s payment is on its way',
      text: client
        ? 'Your bank transfer / direct debit is on its way — the time stays held for you until it arrives.'
        : 'Their bank transfer / direct debit is on its way — the time stays held until it arrives.',
    };
  }
  if (booking.payment.status === 'payment_failed') {
    return {
      title: 'The payment did not go through',
      text: client
        ? 'The payment did not go through — the time was released; book again.'
        : 'The client’s payment did not go through — the time was released.',
    };
  }
  return null;
}

/** The notice for a payment on its way or one that failed, with a way to book again. */
export function PaymentNotice({
  booking,
  viewer,
  bookAgainLink = true,
}: {
  booking: BookingDto;
  viewer: Viewer;
  /** Off where the page already offers to pick a time again. */
  bookAgainLink?: boolean;
}) {
  const notice = paymentNoticeText(booking, viewer);
  if (!notice) return null;
  const failed = booking.payment.status === 'payment_failed';
  return (
    <Alert tone={failed ? 'warn' : 'info'} title={notice.title}>
      <p>{notice.text}</p>
      {failed && viewer === 'client' && bookAgainLink ? (
        <p>
          <ButtonLink to={`/photographers/${booking.photographer.id}`} size="sm">
            Book again
          </ButtonLink>
        </p>
      ) : null}
    </Alert>
  );
}

/** The same words as one line, for a booking in a list. */
export function PaymentNoticeLine({ booking, viewer }: { booking: BookingDto; viewer: Viewer }) {
  const notice = paymentNoticeText(booking, viewer);
  return notice ? <p className="booking-item__payment">{notice.text}</p> : null;
}
