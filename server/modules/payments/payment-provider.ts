import type { PaymentProviderName } from '../../../shared/payments/payments.types';
import type { PaymentEvent, ReportedRefund } from './payment-events';

export interface CheckoutRequest {
  idempotencyKey: string;
  amountCents: number;
  /** ISO 4217, upper case: the currency of what is paid for. */
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

  /** Refunds part of a charge; the same key never refunds twice. */
  abstract refund(input: {
    paymentIntentId: string;
    amountCents: number;
    idempotencyKey: string;
    /** Our refund request, so the provider's later report of this refund names it. */
    requestId: string;
  }): Promise<ReportedRefund>;

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

  /**
   * Checks the signature over the raw body and maps the event to ours. Throws PaymentError
   * (400) when it does not verify or is malformed.
   */
  abstract readWebhook(rawBody: Buffer, signature: string | undefined): Promise<PaymentEvent>;
}
