import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import type { PaymentKind, PaymentPurpose } from '../../../shared/payments/payments.types';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CHARGED_STATUSES, OPEN_STATUSES } from '../../../shared/payments/payment-status';
import { LedgerRepository } from './ledger.repository';
import { PaymentProvider } from './payment-provider';
import { Payment } from './payment.entity';
import { PaymentError } from './payments.errors';

export interface StartCheckoutInput {
  purpose: PaymentPurpose;
  referenceId: string;
  payerId: string;
  kind: PaymentKind;
  amountCents: number;
  /** ISO 4217 of what is paid for (a booking's package, the platform's draft unlock price). */
  currency: string;
  description: string;
  customerEmail?: string;
  /** The client page to return to, e.g. `/app/bookings/<id>`. */
  returnPath: string;
  expiresAt: Date;
  saveCard: boolean;
  transferGroup?: string;
}

/**
 * Takes money: hosted checkouts and off-session charges of a saved card. Every provider call
 * carries a deterministic idempotency key, so retries and concurrent duplicates charge once.
 */
@Injectable()
export class CheckoutService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerRepository,
    private readonly dataSource: DataSource,
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    private readonly clock: Clock,
  ) {}

  /** `stripe` takes money online; `manual` means everything is paid at the studio. */
  get providerName(): PaymentProvider['name'] {
    return this.provider.name;
  }

  /** True when money moves online (Stripe); with `manual` everything is due at the studio. */
  get online(): boolean {
    return this.provider.name === 'stripe';
  }

  /**
   * A hosted checkout for a server-computed amount. Calling it again for the same thing
   * returns the same open session (or, after a provider failure, retries with the same key).
   */
  async startCheckout(input: StartCheckoutInput): Promise<{ payment: Payment; url: string }> {
    const baseKey = `${input.purpose}-${input.referenceId}-${input.kind}`;
    const previous = await this.payments.find({
      where: { purpose: input.purpose, referenceId: input.referenceId, kind: input.kind },
      order: { createdAt: 'DESC' },
    });
    let payment = previous.find(
      (p) => OPEN_STATUSES.includes(p.status) || CHARGED_STATUSES.includes(p.status),
    );
    if (payment && payment.status !== 'pending') return { payment, url: payment.checkoutUrl ?? '' };
    if (!payment) {
      const now = this.clock.now();
      payment = await this.payments.save(
        this.payments.create({
          purpose: input.purpose,
          referenceId: input.referenceId,
          payerId: input.payerId,
          kind: input.kind,
          provider: this.provider.name,
          amountCents: input.amountCents,
          refundedCents: 0,
          currency: input.currency.toUpperCase(),
          status: 'pending',
          idempotencyKey:
            previous.length === 0 ? baseKey : `${baseKey}-attempt-${previous.length + 1}`,
          checkoutSessionId: null,
          checkoutUrl: null,
          paymentIntentId: null,
          customerRef: null,
          transferGroup: input.transferGroup ?? null,
          expiresAt: input.expiresAt,
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    if (payment.checkoutUrl) return { payment, url: payment.checkoutUrl };
    const returnUrl = `${this.config.publicUrl}${input.returnPath}`;
    const separator = returnUrl.includes('?') ? '&' : '?';
    const session = await this.provider.createCheckout({
      idempotencyKey: payment.idempotencyKey,
      amountCents: payment.amountCents,
      currency: payment.currency,
      description: input.description,
      customerEmail: input.customerEmail,
      successUrl: `${returnUrl}${separator}checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${returnUrl}${separator}checkout=cancelled`,
      expiresAt: input.expiresAt,
      saveCard: input.saveCard,
      transferGroup: input.transferGroup,
      metadata: { paymentId: payment.id, purpose: input.purpose, referenceId: input.referenceId },
    });
    payment.checkoutSessionId = session.sessionId;
    payment.checkoutUrl = session.url;
    payment.updatedAt = this.clock.now();
    await this.payments.save(payment);
    return { payment, url: session.url };
  }

  /**
   * Charges the card saved with an earlier payment while the client is away (a booking's
   * balance), once per reference and kind, in the first payment's currency. Throws
   * PAYMENT_AUTHENTICATION_REQUIRED when the bank wants the card holder: the caller then offers
   * a hosted page for the same amount.
   */
  async chargeSavedCard(input: {
    firstPayment: Payment;
    kind: PaymentKind;
    amountCents: number;
    description: string;
  }): Promise<Payment> {
    const { firstPayment } = input;
    const key = `${firstPayment.purpose}-${firstPayment.referenceId}-${input.kind}`;
    const existing = await this.payments.findOneBy({ idempotencyKey: key });
    if (existing?.status === 'succeeded') return existing;
    if (!firstPayment.paymentIntentId) throw PaymentError.notFound();
    const { paymentIntentId } = await this.provider.chargeSavedCard({
      paymentIntentOfFirstCharge: firstPayment.paymentIntentId,
      amountCents: input.amountCents,
      currency: firstPayment.currency,
      idempotencyKey: key,
      transferGroup: firstPayment.transferGroup ?? undefined,
      metadata: {
        purpose: firstPayment.purpose,
        referenceId: firstPayment.referenceId,
        kind: input.kind,
      },
    });
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const payment = await manager.save(
        Payment,
        manager.create(Payment, {
          ...(existing ?? {}),
          purpose: firstPayment.purpose,
          referenceId: firstPayment.referenceId,
          payerId: firstPayment.payerId,
          kind: input.kind,
          provider: this.provider.name,
          amountCents: input.amountCents,
          refundedCents: 0,
          currency: firstPayment.currency,
          status: 'succeeded',
          idempotencyKey: key,
          checkoutSessionId: null,
          checkoutUrl: null,
          paymentIntentId,
          customerRef: firstPayment.customerRef,
          transferGroup: firstPayment.transferGroup,
          expiresAt: null,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        }),
      );
      await this.ledger.recordOnce(
        manager,
        payment,
        {
          type: 'charge',
          amountCents: payment.amountCents,
          providerRef: paymentIntentId,
          key: `charge-${payment.id}`,
          note: input.description,
        },
        now,
      );
      return payment;
    });
  }
}
