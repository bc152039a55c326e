import type { BookingPaymentStatus } from '../../../../shared/bookings/bookings.types';

/**
 * A booking's payment status once money for its session has moved, from the money alone:
 * refunds first (they are what the client notices), then whether anything is still due.
 */
export function sessionPaymentStatus(money: {
  paidCents: number;
  refundedCents: number;
  dueCents: number;
}): BookingPaymentStatus {
  if (money.paidCents > 0 && money.refundedCents >= money.paidCents) return 'refunded';
  if (money.refundedCents > 0) return 'partially_refunded';
  return money.dueCents > 0 ? 'deposit_paid' : 'paid';
}
