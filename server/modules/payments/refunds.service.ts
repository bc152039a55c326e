import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DataSource,
  type EntityManager,
  In,
  IsNull,
  LessThanOrEqual,
  type Repository,
} from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/database-errors';
import { refundableCents } from './domain/money-split';
import { CHARGED_STATUSES, statusAfterRefunds } from './domain/payment-status';
import { LedgerRepository } from './ledger.repository';
import type { PaymentEvent, ReportedRefund } from './payment-events';
import { PaymentProvider } from './payment-provider';
import { PaymentPurposes, type SettledRefund } from './payment-purposes';
import { Payment } from './payment.entity';
import { PaymentError } from './payments.errors';
import { RefundRequest } from './refund-request.entity';
import { TransfersService } from './transfers.service';
import { type AfterCommit, WebhookHandlers } from './webhook-handlers';

/** An attempt holds its request this long; a crashed attempt is retried after it. */
const ATTEMPT_LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;
const OPEN_REQUEST_STATUSES = ['pending', 'retrying'] as const;

/**
 * Gives money back. Our refunds are requests (once per payment and reason) tried at once and
 * retried with the same idempotency key until the provider answers; every refund the provider
 * reports, ours or made in its dashboard, is recorded once by its refund id, whichever report
 * arrives first — our API answer or a webhook — in any order, any number of times.
 */
@Injectable()
export class RefundsService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RefundsService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerRepository,
    private readonly purposes: PaymentPurposes,
    private readonly transfers: TransfersService,
    private readonly handlers: WebhookHandlers,
    private readonly dataSource: DataSource,
    @InjectRepository(RefundRequest) private readonly requests: Repository<RefundRequest>,
  ) {}

  onModuleInit(): void {
    this.handlers.register('refunds_reported', (event, manager) =>
      this.applyReported(event, manager),
    );
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.payments.refundRetrySeconds;
    if (seconds <= 0 || this.provider.name === 'manual') return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.retryDue()
        .catch((error: unknown) => this.logger.error(`Refund retries failed: ${String(error)}`))
        .finally(() => (this.running = null));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * Refunds up to what is left of a payment, once per `reason`: the amount is fixed by the
   * first request. Throws PAYMENT_PROVIDER_UNAVAILABLE when the provider did not answer (the
   * request is then retried by the job) and REFUND_NOT_RETRYABLE when it refused.
   */
  async refund(paymentId: string, amountCents: number, reason: string): Promise<RefundRequest> {
    const request = await this.requestOnce(paymentId, amountCents, reason);
    if (request.status === 'succeeded') return request;
    return this.attempt(request, new Date());
  }

  /**
   * Refunds several parts (e.g. a booking's balance, then its deposit) for one reason: every
   * request is written first, so a provider failure on one still leaves all of them to the
   * retry job; the first failure is thrown after all were tried.
   */
  async refundAll(parts: { paymentId: string; amountCents: number }[], reason: string) {
    const requests: RefundRequest[] = [];
    for (const part of parts) {
      requests.push(await this.requestOnce(part.paymentId, part.amountCents, reason));
    }
    let firstError: unknown = null;
    for (const request of requests) {
      if (request.status === 'succeeded') continue;
      await this.attempt(request, new Date()).catch((error: unknown) => {
        firstError ??= error;
      });
    }
    if (firstError) throw firstError;
  }

  /** Tries every request whose retry time has come (the timer's job; tests call it). */
  async retryDue(now = new Date()): Promise<number> {
    const due = await this.requests.find({
      where: [
        { status: In([...OPEN_REQUEST_STATUSES]), nextAttemptAt: LessThanOrEqual(now) },
        { status: In([...OPEN_REQUEST_STATUSES]), nextAttemptAt: IsNull() },
      ],
      order: { createdAt: 'ASC' },
      take: 50,
    });
    let settled = 0;
    for (const request of due) {
      const result = await this.attempt(request, now).catch(() => null);
      if (result?.status === 'succeeded') settled += 1;
    }
    return settled;
  }

  /** An admin's "retry now" for a request that is retrying or failed. */
  async retryNow(id: string): Promise<RefundRequest> {
    const request = await this.requests.findOneBy({ id });
    if (!request) throw PaymentError.refundRequestNotFound();
    if (request.status === 'succeeded') throw PaymentError.refundNotRetryable(request.status);
    await this.requests.update(
      { id, status: request.status },
      { status: 'retrying', nextAttemptAt: null, updatedAt: new Date() },
    );
    request.status = 'retrying';
    request.nextAttemptAt = null;
    return this.attempt(request, new Date()).catch(async () =>
      this.requests.findOneByOrFail({ id }),
    );
  }

  private async requestOnce(
    paymentId: string,
    amountCents: number,
    reason: string,
  ): Promise<RefundRequest> {
    const key = `refund-${paymentId}-${reason}`;
    const existing = await this.requests.findOneBy({ idempotencyKey: key });
    if (existing) return existing;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const payment = await this.ledger.lockPayment(manager, paymentId);
        if (!payment) throw PaymentError.notFound();
        if (!CHARGED_STATUSES.includes(payment.status) || !payment.paymentIntentId) {
          throw PaymentError.nothingToRefund();
        }
        const open = await manager.findBy(RefundRequest, {
          paymentId,
          status: In([...OPEN_REQUEST_STATUSES]),
        });
        const left =
          refundableCents({
            amountCents: payment.amountCents,
            refundedCents: await this.ledger.refundedCentsOf(manager, paymentId),
          }) - open.reduce((t, r) => t + r.amountCents, 0);
        const amount = Math.min(amountCents, left);
        if (amount <= 0) throw PaymentError.nothingToRefund();
        const now = new Date();
        return manager.save(
          RefundRequest,
          manager.create(RefundRequest, {
            purpose: payment.purpose,
            referenceId: payment.referenceId,
            paymentId,
            amountCents: amount,
            currency: payment.currency,
            reason,
            idempotencyKey: key,
            status: 'pending',
            attempts: 0,
            lastError: null,
            nextAttemptAt: null,
            providerRefundId: null,
            createdAt: now,
            updatedAt: now,
          }),
        );
      });
    } catch (error) {
      // The same refund asked for twice at once: the first request stands.
      if (!isUniqueViolation(error)) throw error;
      return this.requests.findOneByOrFail({ idempotencyKey: key });
    }
  }

  /** One call to the provider under a lease, so two processes never attempt it at once. */
  private async attempt(request: RefundRequest, now: Date): Promise<RefundRequest> {
    const leased = await this.dataSource
      .createQueryBuilder()
      .update(RefundRequest)
      .set({
        attempts: () => 'attempts + 1',
        nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS),
        updatedAt: now,
      })
      .where('id = :id AND status IN (:...open)', { id: request.id, open: OPEN_REQUEST_STATUSES })
      .andWhere('(next_attempt_at IS NULL OR next_attempt_at <= :now)', { now })
      .execute();
    if (!leased.affected) return this.requests.findOneByOrFail({ id: request.id });
    const payment = await this.dataSource.manager.findOneByOrFail(Payment, {
      id: request.paymentId,
    });
    let reported: ReportedRefund;
    try {
      reported = await this.provider.refund({
        paymentIntentId: payment.paymentIntentId ?? '',
        amountCents: request.amountCents,
        idempotencyKey: request.idempotencyKey,
        requestId: request.id,
      });
    } catch (error) {
      return this.attemptFailed(request, error, now);
    }
    const afterCommit = await this.dataSource.transaction(async (manager) => {
      await manager.update(
        RefundRequest,
        { id: request.id },
        {
          status: 'succeeded',
          providerRefundId: reported.refundId,
          nextAttemptAt: null,
          lastError: null,
          updatedAt: new Date(),
        },
      );
      return this.recordRefund(manager, payment, reported, 'lensbridge', request.reason);
    });
    await this.runAfterCommit(afterCommit);
    return this.requests.findOneByOrFail({ id: request.id });
  }

  private async attemptFailed(request: RefundRequest, error: unknown, now: Date): Promise<never> {
    const retryable =
      error instanceof PaymentError && error.code === 'PAYMENT_PROVIDER_UNAVAILABLE';
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const attempts = request.attempts + 1;
    const backoff = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.min(attempts - 1, 10));
    await this.requests.update(
      { id: request.id },
      {
        status: retryable ? 'retrying' : 'failed',
        lastError: message,
        nextAttemptAt: retryable ? new Date(now.getTime() + backoff) : null,
        updatedAt: new Date(),
      },
    );
    this.logger.warn(`Refund ${request.idempotencyKey} attempt ${attempts} failed: ${message}`);
    throw retryable ? PaymentError.providerUnavailable() : PaymentError.refundRefused(message);
  }

  /** The provider's report of refunds (a webhook): each one recorded once by its id. */
  private async applyReported(
    event: Extract<PaymentEvent, { kind: 'refunds_reported' }>,
    manager: EntityManager,
  ): Promise<AfterCommit | void> {
    const afterCommit: AfterCommit[] = [];
    for (const refund of event.refunds) {
      if (refund.state !== 'settled') {
        this.logger.warn(`Refund ${refund.refundId} failed at the provider; nothing recorded`);
        continue;
      }
      const payment = await manager.findOneBy(Payment, {
        paymentIntentId: refund.paymentIntentId,
        status: In([...CHARGED_STATUSES]),
      });
      if (!payment) continue; // a charge this installation did not make
      const request = refund.requestId
        ? await manager.findOneBy(RefundRequest, { id: refund.requestId })
        : null;
      if (request && request.status !== 'succeeded') {
        await manager.update(
          RefundRequest,
          { id: request.id },
          {
            status: 'succeeded',
            providerRefundId: refund.refundId,
            nextAttemptAt: null,
            updatedAt: new Date(),
          },
        );
      }
      const source = request ? 'lensbridge' : 'provider';
      afterCommit.push(
        ...(await this.recordRefund(manager, payment, refund, source, request?.reason ?? null)),
      );
    }
    if (afterCommit.length > 0) return () => this.runAfterCommit(afterCommit);
  }

  /**
   * Records one provider refund in the ledger unless it already is, then brings the payment
   * (and through its purpose, e.g. the booking) up to date from the ledger.
   */
  private async recordRefund(
    manager: EntityManager,
    payment: Payment,
    refund: ReportedRefund,
    source: SettledRefund['source'],
    reason: string | null,
  ): Promise<AfterCommit[]> {
    const locked = (await this.ledger.lockPayment(manager, payment.id)) ?? payment;
    const now = new Date();
    const inserted = await this.ledger.recordOnce(
      manager,
      locked,
      {
        type: 'refund',
        amountCents: refund.amountCents,
        providerRef: refund.refundId,
        key: `refund-${refund.refundId}`,
        note: source === 'provider' ? 'Refunded in the payment provider’s dashboard' : reason,
      },
      now,
    );
    if (!inserted) return [];
    locked.refundedCents = await this.ledger.refundedCentsOf(manager, locked.id);
    locked.status = statusAfterRefunds(locked.amountCents, locked.refundedCents);
    locked.updatedAt = now;
    await manager.save(Payment, locked);
    const settled: SettledRefund = {
      refundId: refund.refundId,
      amountCents: refund.amountCents,
      source,
      reason,
    };
    const followUp = await this.purposes
      .of(locked.purpose)
      ?.onRefundSettled?.(locked, settled, manager);
    return [
      ...(followUp ? [followUp] : []),
      () => this.transfers.reverseAfterRefund(locked, refund.refundId, refund.amountCents),
    ];
  }

  private async runAfterCommit(steps: AfterCommit[]): Promise<void> {
    for (const step of steps) {
      await step().catch((error: unknown) => this.logger.error(`After a refund: ${String(error)}`));
    }
  }
}
