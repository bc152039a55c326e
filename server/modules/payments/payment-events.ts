/**
 * Provider events in our own words. The gateway maps what the payment provider sends (Stripe's
 * `checkout.session.completed` with `payment_status`, `charge.refunded`, `account.updated`, …)
 * to these, so nothing outside it knows the provider's field names. Currencies are upper case.
 */
export type PaymentEvent =
  /** The money for a hosted checkout arrived (at once, or later for a delayed method). */
  | {
      kind: 'checkout_paid';
      eventId: string;
      sessionId: string;
      paymentIntentId: string | null;
      customerRef: string | null;
    }
  /** Checkout finished with a delayed method (e.g. SEPA Direct Debit): the bank answers later. */
  | {
      kind: 'checkout_processing';
      eventId: string;
      sessionId: string;
      paymentIntentId: string | null;
      customerRef: string | null;
    }
  /** A delayed payment failed after checkout finished. */
  | { kind: 'checkout_failed'; eventId: string; sessionId: string }
  /** The hosted page closed without a payment. */
  | { kind: 'checkout_expired'; eventId: string; sessionId: string }
  /** A charge of a payment intent was declined. */
  | { kind: 'payment_failed'; eventId: string; paymentIntentId: string }
  /** Refunds the provider reports, ours or made in its dashboard; each counted once by its id. */
  | { kind: 'refunds_reported'; eventId: string; refunds: ReportedRefund[] }
  | {
      kind: 'payout_account_updated';
      eventId: string;
      accountId: string;
      payoutsEnabled: boolean;
      detailsSubmitted: boolean;
    }
  /** A well-formed event nobody here acts on. */
  | { kind: 'unhandled'; eventId: string; providerType: string };

export type PaymentEventKind = PaymentEvent['kind'];

export interface ReportedRefund {
  refundId: string;
  paymentIntentId: string;
  amountCents: number;
  currency: string;
  /** Only `settled` refunds move money in our ledger; failed or cancelled ones never did. */
  state: 'settled' | 'failed';
  /** The refund request of ours that asked for it, when it was ours. */
  requestId: string | null;
}
