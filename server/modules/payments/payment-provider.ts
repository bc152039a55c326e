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

  /** Checks the signature over the raw body; throws PaymentError when it does not verify. */
  abstract verifyWebhook(rawBody: Buffer, signature: string | undefined): ProviderEvent;
}
