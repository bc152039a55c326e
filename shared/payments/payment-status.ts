import type { PaymentKind, PaymentStatus } from './payments.types';

/** Payments whose money arrived (some of it may have gone back since). */
export const CHARGED_STATUSES: readonly PaymentStatus[] = [
  'succeeded',
  'partially_refunded',
  'refunded',
];

/** Payments still open: a hosted page may be paid, or a delayed method may still settle. */
export const OPEN_STATUSES: readonly PaymentStatus[] = ['pending', 'processing'];

/** What a booking's session costs is paid by these; extra photos are paid on their own. */
export const SESSION_PAYMENT_KINDS: readonly PaymentKind[] = ['deposit', 'balance', 'full'];

export function isCharged(status: PaymentStatus): boolean {
  return CHARGED_STATUSES.includes(status);
}

/** A charged payment's status once `refundedCents` of its `amountCents` went back. */
export function statusAfterRefunds(amountCents: number, refundedCents: number): PaymentStatus {
  if (refundedCents <= 0) return 'succeeded';
  return refundedCents >= amountCents ? 'refunded' : 'partially_refunded';
}
