import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
import type {
  LedgerEntryType,
  PaymentKind,
  PaymentPurpose,
} from '../../../shared/payments/payments.types';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/database-errors';
import { proportionalReversal, refundableCents, splitPlatformFee } from './domain/money-split';
import { LedgerEntry } from './ledger-entry.entity';
import { PaymentProvider, type ProviderEvent } from './payment-provider';
import { Payment } from './payment.entity';
import { PaymentError } from './payments.errors';
import { PaymentsRepository } from './payments.repository';
import { type AfterCommit, WebhookHandlers } from './webhook-handlers';

/** What a feature does when money for it arrives or does not (runs in the webhook's transaction). */
export interface PaymentPurposeHandler {
  onPaymentSucceeded(payment: Payment, manager: EntityManager): Promise<void | AfterCommit>;
  onPaymentExpired?(payment: Payment, manager: EntityManager): Promise<void | AfterCommit>;
}

export interface StartCheckoutInput {
  purpose: PaymentPurpose;
  referenceId: string;
  payerId: string;
  kind: PaymentKind;
  amountCents: number;
  description: string;
  customerEmail?: string;
  /** The client page to return to, e.g. `/app/bookings/<id>`. */
  returnPath: string;
  expiresAt: Date;
  saveCard: boolean;
  transferGroup?: string;
}

export interface MoneySummary {
  currency: string;
  paidCents: number;
  refundedCents: number;
  transferredCents: number;
  reversedCents: number;
  platformFeeCents: number;
}

const SUMMARY_FIELD: Record<LedgerEntryType, Exclude<keyof MoneySummary, 'currency'>> = {
  charge: 'paidCents',
  refund: 'refundedCents',
  transfer: 'transferredCents',
  transfer_reversal: 'reversedCents',
  platform_fee: 'platformFeeCents',
};

const CHARGED_STATUSES = ['succeeded', 'partially_refunded', 'refunded'] as const;

/**
 * Takes, refunds and pays out money for features, keeping the ledger. Every provider call
 * carries a deterministic idempotency key and every ledger row a unique key derived from the
 * same reason, so retries and concurrent duplicates move money once.
 */
@Injectable()
export class PaymentLedgerService implements OnModuleInit {
  private readonly logger = new Logger(PaymentLedgerService.name);
  private readonly purposes = new Map<PaymentPurpose, PaymentPurposeHandler>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly accounts: PaymentsRepository,
    private readonly handlers: WebhookHandlers,
    private readonly dataSource: DataSource,
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    @InjectRepository(LedgerEntry) private readonly ledger: Repository<LedgerEntry>,
  ) {}

  onModuleInit(): void {
    this.handlers.register('checkout.session.completed', (e, m) => this.onCheckoutCompleted(e, m));
    this.handlers.register('checkout.session.expired', (e, m) => this.onCheckoutExpired(e, m));
    this.handlers.register('charge.refunded', (e, m) => this.onChargeRefunded(e, m));
    this.handlers.register('payment_intent.payment_failed', (e, m) => this.onPaymentFailed(e, m));
  }

  registerPurpose(purpose: PaymentPurpose, handler: PaymentPurposeHandler): void {
    this.purposes.set(purpose, handler);
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
      (p) => p.status === 'pending' || CHARGED_STATUSES.includes(p.status as never),
    );
    if (payment && payment.status !== 'pending') return { payment, url: payment.checkoutUrl ?? '' };
    if (!payment) {
      const now = new Date();
      payment = await this.payments.save(
        this.payments.create({
          purpose: input.purpose,
          referenceId: input.referenceId,
          payerId: input.payerId,
          kind: input.kind,
          provider: this.provider.name,
          amountCents: input.amountCents,
          refundedCents: 0,
          currency: this.config.payments.currency,
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
    payment.updatedAt = new Date();
    await this.payments.save(payment);
    return { payment, url: session.url };
  }

  /**
   * Charges the card saved with an earlier payment while the client is away (a booking's
   * balance), once per reference and kind. Throws PAYMENT_AUTHENTICATION_REQUIRED when the bank
   * wants the card holder: the caller then offers a hosted page for the same amount.
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
      const now = new Date();
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
      await this.insertLedger(
        manager,
        payment,
        'charge',
        payment.amountCents,
        paymentIntentId,
        `charge-${payment.id}`,
        input.description,
      );
      return payment;
    });
  }

  /** Refunds up to what is left of a payment, once per `reason`; reverses a transfer in proportion. */
  async refund(paymentId: string, amountCents: number, reason: string): Promise<LedgerEntry> {
    const payment = await this.payments.findOneBy({ id: paymentId });
    if (!payment) throw PaymentError.notFound();
    const key = `refund-${payment.id}-${reason}`;
    const existing = await this.ledger.findOneBy({ idempotencyKey: key });
    if (existing) return existing;
    const amount = Math.min(amountCents, refundableCents(payment));
    if (amount <= 0 || !payment.paymentIntentId) throw PaymentError.nothingToRefund();

    const { refundId } = await this.provider.refund({
      paymentIntentId: payment.paymentIntentId,
      amountCents: amount,
      idempotencyKey: key,
    });
    const entry = await this.recordOnce(
      payment,
      'refund',
      amount,
      refundId,
      key,
      reason,
      async (manager) => {
        await manager.increment(Payment, { id: payment.id }, 'refundedCents', amount);
        const fresh = await manager.findOneByOrFail(Payment, { id: payment.id });
        fresh.status = fresh.refundedCents >= fresh.amountCents ? 'refunded' : 'partially_refunded';
        fresh.updatedAt = new Date();
        await manager.save(Payment, fresh);
      },
    );
    await this.reverseTransferAfterRefund(payment, amount, reason);
    return entry;
  }

  /**
   * Pays the photographer their share of everything collected for a reference, minus the
   * platform fee, once. Waits (PAYOUT_ACCOUNT_NOT_READY) until their account can receive money.
   * `platformFundedCents` is part of the price the platform paid itself (a booking's draft
   * credit, funded by the unlock fee it kept): the share is of collected + funded.
   */
  async transferShare(
    purpose: PaymentPurpose,
    referenceId: string,
    photographerUserId: string,
    platformFundedCents = 0,
  ): Promise<LedgerEntry | null> {
    const key = `transfer-${purpose}-${referenceId}`;
    const existing = await this.ledger.findOneBy({ idempotencyKey: key });
    if (existing) return existing;
    const account = await this.accounts.findPayoutAccountOf(photographerUserId);
    if (!account?.payoutsEnabled) throw PaymentError.payoutAccountNotReady();
    const collected = await this.collected(purpose, referenceId);
    if (!collected || collected.netCents <= 0) return null;
    const { feeCents, shareCents } = splitPlatformFee(
      collected.netCents + Math.max(0, platformFundedCents),
      this.config.payments.platformFeePercent,
    );
    const { transferId } = await this.provider.transfer({
      amountCents: shareCents,
      currency: collected.payment.currency,
      destinationAccountId: account.providerAccountId,
      transferGroup: collected.payment.transferGroup ?? `${purpose}-${referenceId}`,
      idempotencyKey: key,
    });
    return this.recordOnce(
      collected.payment,
      'transfer',
      shareCents,
      transferId,
      key,
      'share after fee',
      async (manager) => {
        await this.insertLedger(
          manager,
          collected.payment,
          'platform_fee',
          feeCents,
          null,
          `fee-${purpose}-${referenceId}`,
          `${this.config.payments.platformFeePercent} %`,
        );
      },
    );
  }

  async summary(purpose: PaymentPurpose, referenceId: string): Promise<MoneySummary> {
    const entries = await this.ledger.findBy({ purpose, referenceId });
    const sum = (type: LedgerEntryType) =>
      entries.filter((e) => e.type === type).reduce((t, e) => t + e.amountCents, 0);
    return {
      currency: entries[0]?.currency ?? this.config.payments.currency,
      paidCents: sum('charge'),
      refundedCents: sum('refund'),
      transferredCents: sum('transfer'),
      reversedCents: sum('transfer_reversal'),
      platformFeeCents: sum('platform_fee'),
    };
  }

  /** Ledger totals for many references at once (a photographer's bookings). */
  async summaries(
    purpose: PaymentPurpose,
    referenceIds: string[],
  ): Promise<Map<string, MoneySummary>> {
    const result = new Map<string, MoneySummary>();
    if (referenceIds.length === 0) return result;
    const entries = await this.ledger.findBy({ purpose, referenceId: In(referenceIds) });
    for (const entry of entries) {
      const summary = result.get(entry.referenceId) ?? {
        currency: entry.currency,
        paidCents: 0,
        refundedCents: 0,
        transferredCents: 0,
        reversedCents: 0,
        platformFeeCents: 0,
      };
      const field = SUMMARY_FIELD[entry.type];
      summary[field] += entry.amountCents;
      result.set(entry.referenceId, summary);
    }
    return result;
  }

  get currency(): string {
    return this.config.payments.currency;
  }

  get platformFeePercent(): number {
    return this.config.payments.platformFeePercent;
  }

  entriesFor(purpose: PaymentPurpose, referenceId: string): Promise<LedgerEntry[]> {
    return this.ledger.find({ where: { purpose, referenceId }, order: { createdAt: 'ASC' } });
  }

  /** Every payment, newest first (the admin's view). */
  async page(page: number, pageSize: number): Promise<{ items: Payment[]; total: number }> {
    const [items, total] = await this.payments.findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  paymentsFor(purpose: PaymentPurpose, referenceId: string): Promise<Payment[]> {
    return this.payments.find({ where: { purpose, referenceId }, order: { createdAt: 'ASC' } });
  }

  // ------------------------------------------------------------------ webhooks

  private async onCheckoutCompleted(
    event: ProviderEvent,
    manager: EntityManager,
  ): Promise<void | AfterCommit> {
    const payment = await manager.findOneBy(Payment, {
      checkoutSessionId: String(event.object.id),
    });
    if (!payment || (payment.status !== 'pending' && payment.status !== 'expired')) return;
    payment.status = 'succeeded';
    payment.paymentIntentId = stringOrNull(event.object.payment_intent);
    payment.customerRef = stringOrNull(event.object.customer);
    payment.updatedAt = new Date();
    await manager.save(Payment, payment);
    await this.insertLedger(
      manager,
      payment,
      'charge',
      payment.amountCents,
      payment.paymentIntentId,
      `charge-${payment.id}`,
      payment.kind,
    );
    return this.purposes.get(payment.purpose)?.onPaymentSucceeded(payment, manager);
  }

  private async onCheckoutExpired(
    event: ProviderEvent,
    manager: EntityManager,
  ): Promise<void | AfterCommit> {
    const payment = await manager.findOneBy(Payment, {
      checkoutSessionId: String(event.object.id),
    });
    // An expiry that arrives after the payment completed changes nothing.
    if (!payment || payment.status !== 'pending') return;
    payment.status = 'expired';
    payment.updatedAt = new Date();
    await manager.save(Payment, payment);
    return this.purposes.get(payment.purpose)?.onPaymentExpired?.(payment, manager);
  }

  /**
   * A declined card. On a hosted Checkout page the customer simply tries again (the session
   * stays open), and off-session balance charges learn of it synchronously; a payment of ours
   * still pending on this intent is marked failed so nobody waits for it.
   */
  private async onPaymentFailed(event: ProviderEvent, manager: EntityManager): Promise<void> {
    const payment = await manager.findOneBy(Payment, {
      paymentIntentId: String(event.object.id),
      status: 'pending',
    });
    if (!payment) return;
    payment.status = 'failed';
    payment.updatedAt = new Date();
    await manager.save(Payment, payment);
  }

  /** Refunds made outside Lensbridge (the provider's dashboard): the charge's total wins. */
  private async onChargeRefunded(event: ProviderEvent, manager: EntityManager): Promise<void> {
    const intent = stringOrNull(event.object.payment_intent);
    if (!intent) return;
    const payment = await manager.findOneBy(Payment, {
      paymentIntentId: intent,
      status: In([...CHARGED_STATUSES]),
    });
    const total = Number(event.object.amount_refunded ?? 0);
    if (!payment || !(total > payment.refundedCents)) return;
    payment.refundedCents = Math.min(total, payment.amountCents);
    payment.status =
      payment.refundedCents >= payment.amountCents ? 'refunded' : 'partially_refunded';
    payment.updatedAt = new Date();
    await manager.save(Payment, payment);
  }

  // ------------------------------------------------------------------ internals

  private async collected(purpose: PaymentPurpose, referenceId: string) {
    const charged = (await this.paymentsFor(purpose, referenceId)).filter((p) =>
      CHARGED_STATUSES.includes(p.status as never),
    );
    const first = charged[0];
    if (!first) return null;
    const netCents = charged.reduce((t, p) => t + p.amountCents - p.refundedCents, 0);
    return { payment: first, netCents };
  }

  private async reverseTransferAfterRefund(
    payment: Payment,
    refundCents: number,
    reason: string,
  ): Promise<void> {
    const transfer = await this.ledger.findOneBy({
      idempotencyKey: `transfer-${payment.purpose}-${payment.referenceId}`,
    });
    if (!transfer?.providerRef) return;
    const summary = await this.summary(payment.purpose, payment.referenceId);
    const amount = proportionalReversal({
      transferredCents: summary.transferredCents,
      alreadyReversedCents: summary.reversedCents,
      chargedCents: summary.paidCents,
      refundCents,
    });
    if (amount <= 0) return;
    const key = `reversal-${payment.id}-${reason}`;
    const { reversalId } = await this.provider.reverseTransfer({
      transferId: transfer.providerRef,
      amountCents: amount,
      idempotencyKey: key,
    });
    await this.recordOnce(
      payment,
      'transfer_reversal',
      amount,
      reversalId,
      key,
      reason,
      async () => undefined,
    );
  }

  /** Inserts one ledger row (and runs `alsoDo`) in a transaction, once per idempotency key. */
  private async recordOnce(
    payment: Payment,
    type: LedgerEntryType,
    amountCents: number,
    providerRef: string | null,
    key: string,
    note: string,
    alsoDo: (manager: EntityManager) => Promise<void>,
  ): Promise<LedgerEntry> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const entry = await this.insertLedger(
          manager,
          payment,
          type,
          amountCents,
          providerRef,
          key,
          note,
        );
        await alsoDo(manager);
        return entry;
      });
    } catch (error) {
      // A concurrent duplicate of the same request recorded it first: the money moved once.
      if (!isUniqueViolation(error)) throw error;
      this.logger.log(`Ledger ${type} ${key} was already recorded`);
      return this.ledger.findOneByOrFail({ idempotencyKey: key });
    }
  }

  private insertLedger(
    manager: EntityManager,
    payment: Payment,
    type: LedgerEntryType,
    amountCents: number,
    providerRef: string | null,
    key: string,
    note: string | null,
  ): Promise<LedgerEntry> {
    return manager.save(
      LedgerEntry,
      manager.create(LedgerEntry, {
        purpose: payment.purpose,
        referenceId: payment.referenceId,
        paymentId: payment.id,
        type,
        amountCents,
        currency: payment.currency,
        providerRef,
        idempotencyKey: key,
        note,
        createdAt: new Date(),
      }),
    );
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
