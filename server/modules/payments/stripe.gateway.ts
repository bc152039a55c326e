import { Inject, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { PaymentEvent, ReportedRefund } from './payment-events';
import { PaymentError } from './payments.errors';
import { type CheckoutRequest, type CheckoutSession, PaymentProvider } from './payment-provider';
import {
  CHARGE_REFUND_EVENTS,
  eventObject,
  type StripeEventLike,
  toPaymentEvent,
  toReportedRefund,
} from './stripe-event-mapper';

/** Webhooks older than this are refused (replay protection), as Stripe's SDK recommends. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The only file that imports the Stripe SDK. */
@Injectable()
export class StripeGateway extends PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly logger = new Logger(StripeGateway.name);
  private readonly stripe: Stripe;
  private readonly webhookSecrets: string[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    const settings = config.payments.stripe;
    if (!settings)
      throw new Error('StripeGateway needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
    const base = settings.apiBase;
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      telemetry: false,
      ...(base
        ? {
            host: base.hostname,
            port: base.port || (base.protocol === 'https:' ? 443 : 80),
            protocol: base.protocol === 'https:' ? 'https' : 'http',
          }
        : {}),
    });
    this.webhookSecrets = settings.webhookSecrets;
  }

  async createConnectedAccount(input: { email: string; idempotencyKey: string }) {
    const account = await this.call(() =>
      this.stripe.accounts.create(
        { type: 'express', email: input.email, capabilities: { transfers: { requested: true } } },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { accountId: account.id };
  }

  async createOnboardingLink(input: { accountId: string; returnUrl: string; refreshUrl: string }) {
    const link = await this.call(() =>
      this.stripe.accountLinks.create({
        account: input.accountId,
        type: 'account_onboarding',
        return_url: input.returnUrl,
        refresh_url: input.refreshUrl,
      }),
    );
    return { url: link.url };
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    const session = await this.call(() =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amountCents,
                product_data: { name: request.description },
              },
            },
          ],
          customer_email: request.customerEmail,
          customer_creation: request.saveCard ? 'always' : undefined,
          payment_intent_data: {
            transfer_group: request.transferGroup,
            setup_future_usage: request.saveCard ? 'off_session' : undefined,
            metadata: request.metadata,
          },
          metadata: request.metadata,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    if (!session.url) throw PaymentError.providerUnavailable();
    return { sessionId: session.id, url: session.url };
  }

  async expireCheckout(sessionId: string): Promise<void> {
    try {
      await this.stripe.checkout.sessions.expire(sessionId);
    } catch (error) {
      // Already completed or expired: nothing left to close.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
      throw PaymentError.providerUnavailable();
    }
  }

  async chargeSavedCard(input: {
    paymentIntentOfFirstCharge: string;
    amountCents: number;
    currency: string;
    idempotencyKey: string;
    transferGroup?: string;
    metadata: Record<string, string>;
  }): Promise<{ paymentIntentId: string }> {
    const first = await this.call(() =>
      this.stripe.paymentIntents.retrieve(input.paymentIntentOfFirstCharge),
    );
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: input.amountCents,
          currency: input.currency.toLowerCase(),
          customer: typeof first.customer === 'string' ? first.customer : first.customer?.id,
          payment_method:
            typeof first.payment_method === 'string'
              ? first.payment_method
              : first.payment_method?.id,
          off_session: true,
          confirm: true,
          transfer_group: input.transferGroup,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { paymentIntentId: intent.id };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeError && error.code === 'authentication_required') {
        throw PaymentError.authenticationRequired();
      }
      throw error instanceof Stripe.errors.StripeError && (error.statusCode ?? 500) < 500
        ? error
        : PaymentError.providerUnavailable();
    }
  }

  async refund(input: {
    paymentIntentId: string;
    amountCents: number;
    idempotencyKey: string;
    requestId: string;
  }): Promise<ReportedRefund> {
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          amount: input.amountCents,
          metadata: { refundRequestId: input.requestId },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return toReportedRefund(refund as unknown as Record<string, unknown>, input.paymentIntentId);
  }

  async transfer(input: {
    amountCents: number;
    currency: string;
    destinationAccountId: string;
    transferGroup: string;
    idempotencyKey: string;
  }) {
    const transfer = await this.call(() =>
      this.stripe.transfers.create(
        {
          amount: input.amountCents,
          currency: input.currency.toLowerCase(),
          destination: input.destinationAccountId,
          transfer_group: input.transferGroup,
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { transferId: transfer.id };
  }

  async reverseTransfer(input: {
    transferId: string;
    amountCents: number;
    idempotencyKey: string;
  }) {
    const reversal = await this.call(() =>
      this.stripe.transfers.createReversal(
        input.transferId,
        { amount: input.amountCents },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { reversalId: reversal.id };
  }

  async readWebhook(rawBody: Buffer, signature: string | undefined): Promise<PaymentEvent> {
    const event = this.verify(rawBody, signature);
    if (!CHARGE_REFUND_EVENTS.has(String(event.type))) return toPaymentEvent(event);
    // Stripe no longer embeds a charge's refunds in the event: list them, each with its id.
    const chargeId = eventObject(event).id;
    if (typeof chargeId !== 'string') throw PaymentError.webhookMalformed('no charge id');
    const refunds = await this.call(() =>
      this.stripe.refunds.list({ charge: chargeId, limit: 100 }).autoPagingToArray({ limit: 1000 }),
    );
    return toPaymentEvent(event, refunds as unknown as Record<string, unknown>[]);
  }

  private verify(rawBody: Buffer, signature: string | undefined): StripeEventLike {
    if (!signature) throw PaymentError.webhookSignatureInvalid('no Stripe-Signature header');
    let lastError = 'no secret matched';
    // The platform's and the Connect endpoint's secrets may differ: either may sign.
    for (const secret of this.webhookSecrets) {
      try {
        return this.stripe.webhooks.constructEvent(
          rawBody,
          signature,
          secret,
          WEBHOOK_TOLERANCE_SECONDS,
        ) as unknown as StripeEventLike;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    throw PaymentError.webhookSignatureInvalid(lastError.split('\n')[0] ?? lastError);
  }

  /** Maps network failures and Stripe's 5xx answers to a retryable 503. */
  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (
        error instanceof Stripe.errors.StripeError &&
        (error.statusCode ?? 500) < 500 &&
        error.type !== 'StripeConnectionError'
      ) {
        throw error;
      }
      this.logger.warn(
        `Stripe call failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw PaymentError.providerUnavailable();
    }
  }
}
