import { Injectable } from '@nestjs/common';
import { PaymentError } from './payments.errors';
import type { PaymentEvent } from './payment-events';
import { PaymentProvider } from './payment-provider';

/**
 * The embedded default when no Stripe key is configured: money changes hands at the studio
 * and nothing is charged online. Online-only operations say so with a clear 409.
 */
@Injectable()
export class ManualPaymentProvider extends PaymentProvider {
  readonly name = 'manual' as const;

  createConnectedAccount(): Promise<{ accountId: string }> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }

  createOnboardingLink(): Promise<{ url: string }> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }

  createCheckout(): Promise<never> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }

  expireCheckout(): Promise<void> {
    return Promise.resolve();
  }

  chargeSavedCard(): Promise<never> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }

  refund(): Promise<never> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }

  transfer(): Promise<never> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }

  reverseTransfer(): Promise<never> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }

  readWebhook(): Promise<PaymentEvent> {
    return Promise.reject(PaymentError.onlinePaymentsDisabled());
  }
}
