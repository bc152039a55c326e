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
} as const;
