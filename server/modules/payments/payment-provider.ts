import type { PaymentProviderName } from '../../../shared/payments/payments.types';

/** A provider event after its signature was checked, in the provider's own shape. */
export interface ProviderEvent {
  id: string;
  type: string;
  object: Record<string, unknown>;
}

export interface ConnectedAccountState {
  accountId: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

export interface CheckoutRequest {
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  description: string;
  customerEmail?: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  /** Keep the card for a later off-session charge (a booking's balance). */
  saveCard: boolean;
  transferGroup?: string;
  metadata: Record<string, string>;
}

export interface CheckoutSession {
  sessionId: string;
  url: string;
}

/**
 * The payments port. `stripe` (when STRIPE_SECRET_KEY is set) and `manual` (the embedded
 * default: clients pay at the studio) implement it; services never import an SDK.
 */
export abstract class PaymentProvider {
  abstract readonly name: PaymentProviderName;

  /** Creates the photographer's connected account; the same key never creates two. */
  abstract createConnectedAccount(input: {
    email: string;
    idempotencyKey: string;
  }): Promise<{ accountId: string }>;

  /** A one-time link to the provider's hosted onboarding for that account. */
  abstract createOnboardingLink(input: {
    accountId: string;
    returnUrl: string;
    refreshUrl: string;
  }): Promise<{ url: string }>;

  /** A hosted payment page for an amount computed on the server. */
  abstract createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;

  /** Closes a hosted page that must no longer be paid (e.g. the hold it paid for lapsed). */
  abstract expireCheckout(sessionId: string): Promise<void>;

  /** Charges the card saved at checkout while the customer is away. */
  abstract chargeSavedCard(input: {
    paymentIntentOfFirstCharge: string;
    amountCents: number;
    currency: string;
    idempotencyKey: string;
    transferGroup?: string;
    metadata: Record<string, string>;
  }): Promise<{ paymentIntentId: string }>;

  abstract refund(input: {
    paymentIntentId: string;
    amountCents: number;
    idempotencyKey: string;
  }): Promise<{ refundId: string }>;

  abstract transfer(input: {
    amountCents: number;
    currency: string;
    destinationAccountId: string;
    transferGroup: string;
    idempotencyKey: string;
  }): Promise<{ transferId: string }>;

  abstract reverseTransfer(input: {
    transferId: string;
    amountCents: number;
    idempotencyKey: string;
  }): Promise<{ reversalId: string }>;

  /** Checks the signature over the raw body; throws PaymentError when it does not verify. */
  abstract verifyWebhook(rawBody: Buffer, signature: string | undefined): ProviderEvent;
}
