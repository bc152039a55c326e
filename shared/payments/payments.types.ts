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

/** A photographer's money across their bookings. */
export interface EarningsDto {
  currency: string;
  /** Their share of what clients paid for sessions not yet delivered: held by the platform. */
  heldCents: number;
  /** Sent to their payout account (after reversals). */
  transferredCents: number;
  /** The platform's fee on what was transferred. */
  platformFeeCents: number;
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
