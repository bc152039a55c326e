export type PaymentProviderName = 'stripe' | 'manual';

export const PAYOUT_ACCOUNT_STATUSES = ['not_connected', 'onboarding', 'active'] as const;
export type PayoutAccountStatus = (typeof PAYOUT_ACCOUNT_STATUSES)[number];

export interface PayoutAccountDto {
  provider: PaymentProviderName;
  status: PayoutAccountStatus;
  /** True once the payment provider can send this photographer money. */
  payoutsEnabled: boolean;
  updatedAt: string | null;
}

export interface OnboardingLinkDto {
  url: string;
}

export const PaymentErrorCode = {
  WebhookSignatureInvalid: 'WEBHOOK_SIGNATURE_INVALID',
  OnlinePaymentsDisabled: 'ONLINE_PAYMENTS_DISABLED',
  ProviderUnavailable: 'PAYMENT_PROVIDER_UNAVAILABLE',
  AuthenticationRequired: 'PAYMENT_AUTHENTICATION_REQUIRED',
  NothingToRefund: 'NOTHING_TO_REFUND',
  PaymentNotFound: 'PAYMENT_NOT_FOUND',
  PayoutAccountNotReady: 'PAYOUT_ACCOUNT_NOT_READY',
  WebhookMalformed: 'WEBHOOK_MALFORMED',
  RefundRequestNotFound: 'REFUND_REQUEST_NOT_FOUND',
  RefundNotRetryable: 'REFUND_NOT_RETRYABLE',
} as const;

export const PAYMENT_PURPOSES = ['booking', 'draft_unlock'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export const PAYMENT_KINDS = [
  'deposit',
  'balance',
  'full',
  'draft_unlock',
  'extra_images',
] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_STATUSES = [
  'pending',
  /** Checkout finished with a delayed method (e.g. SEPA Direct Debit): the money is not here yet. */
  'processing',
  'succeeded',
  'failed',
  'expired',
  'partially_refunded',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const LEDGER_ENTRY_TYPES = [
  'charge',
  'refund',
  'platform_fee',
  'transfer',
  'transfer_reversal',
] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

/** A photographer's money in one currency (packages may be priced in different currencies). */
export interface EarningsInCurrencyDto {
  currency: string;
  /** Their share of what clients have paid for sessions not yet delivered: held by the platform. */
  heldCents: number;
  /** Sent to their payout account (after reversals). */
  transferredCents: number;
  /** The platform's fee on what was transferred. */
  platformFeeCents: number;
}

/**
 * With payments at the studio (no online provider), clients pay the photographer directly: what
 * the confirmed sessions to come will bring, and the price of the sessions already held.
 */
export interface AtStudioInCurrencyDto {
  currency: string;
  /** Still due at confirmed sessions to come (the same amount each booking shows as due). */
  dueCents: number;
  dueSessions: number;
  /** The price of sessions already held (completed or delivered), paid at the studio. */
  heldSessionsCents: number;
  heldSessions: number;
}

/** A photographer's money across their bookings, one row per currency (most money first). */
export interface EarningsDto {
  /** Empty until a client has paid for something online. */
  byCurrency: EarningsInCurrencyDto[];
  /** Bookings paid at the studio, per currency (most money first); empty when none. */
  atStudio: AtStudioInCurrencyDto[];
  platformFeePercent: number;
  payoutStatus: PayoutAccountStatus;
}

export interface AdminRefundInput {
  amountCents: number;
  /** A fresh UUID per refund the admin means; a repeat with the same id refunds nothing more. */
  requestId: string;
}

/** What the client needs to know about payments before it asks for any (public). */
export interface PaymentOptionsDto {
  provider: PaymentProviderName;
  currency: string;
  draftUnlockPriceCents: number;
}

export interface AdminPaymentDto {
  id: string;
  purpose: PaymentPurpose;
  referenceId: string;
  kind: PaymentKind;
  provider: PaymentProviderName;
  status: PaymentStatus;
  amountCents: number;
  refundedCents: number;
  currency: string;
  createdAt: string;
}

/**
 * A refund Lensbridge asked the provider for. One per payment and reason (a cancellation, an
 * admin's request): retried with the same idempotency key until the provider answers.
 */
export const REFUND_REQUEST_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type RefundRequestStatus = (typeof REFUND_REQUEST_STATUSES)[number];

export interface AdminRefundRequestDto {
  id: string;
  purpose: PaymentPurpose;
  referenceId: string;
  paymentId: string;
  amountCents: number;
  currency: string;
  /** Why: `cancelled_by_client`, `declined`, `late-payment`, `admin-<request id>`, … */
  reason: string;
  status: RefundRequestStatus;
  attempts: number;
  /** The provider's last answer when it failed, in plain words. */
  lastError: string | null;
  /** When the retry job tries again (status `retrying`). */
  nextAttemptAt: string | null;
  providerRefundId: string | null;
  createdAt: string;
  updatedAt: string;
}
