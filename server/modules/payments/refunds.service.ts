import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThanOrEqual, type Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { isUniqueViolation } from '../../database/database-errors';
import { refundableCents } from '../../../shared/payments/money-split';
import { CHARGED_STATUSES } from '../../../shared/payments/payment-status';
import { LedgerRepository } from './ledger.repository';
import type { ReportedRefund } from './payment-events';
import { PaymentProvider } from './payment-provider';
import { Payment } from './payment.entity';
import { PaymentError } from './payments.errors';
import { RefundRequest } from './refund-request.entity';
import { RefundReconciler } from './refund-reconciler';
import type { AfterCommit } from './webhook-handlers.service';

/** An attempt holds its request this long; a crashed attempt is retried after it. */
const ATTEMPT_LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;
const OPEN_REQUEST_STATUSES = ['pending', 'retrying'] as const;

/**
 * Gives money back. Our refunds are requests (once per payment and reason) tried at once and
 * retried with the same idempotency key until the provider answers; what the provider answers
 * is recorded by the RefundReconciler, like the refunds its webhooks report.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerRepository,
    private readonly reconciler: RefundReconciler,
    private readonly dataSource: DataSource,
    @InjectRepository(RefundRequest) private readonly requests: Repository<RefundRequest>,
    private readonly clock: Clock,
  ) {}

  /**
   * Refunds up to what is left of a payment, once per `reason`: the amount is fixed by the
   * first request. Throws PAYMENT_PROVIDER_UNAVAILABLE when the provider did not answer (the
   * request is then retried by the job) and REFUND_NOT_RETRYABLE when it refused.
   */
  async refund(paymentId: string, amountCents: number, reason: string): Promise<RefundRequest> {
    const request = await this.requestOnce(paymentId, amountCents, reason);
    if (request.status === 'succeeded') return request;
    return this.attempt(request, this.clock.now());
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
      await this.attempt(request, this.clock.now()).catch((error: unknown) => {
        firstError ??= error;
      });
    }
    if (firstError) throw firstError;
  }

  /** Tries every request whose retry time has come (the timer's job; tests call it). */
  async retryDue(): Promise<number> {
    const now = this.clock.now();
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
      { status: 'retrying', nextAttemptAt: null, updatedAt: this.clock.now() },
    );
    request.status = 'retrying';
    request.nextAttemptAt = null;
    return this.attempt(request, this.clock.now()).catch(async () =>
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
        const now = this.clock.now();
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
          updatedAt: this.clock.now(),
        },
      );
      return this.reconciler.record(manager, payment, reported, 'lensbridge', request.reason);
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
        updatedAt: this.clock.now(),
      },
    );
    this.logger.warn(`Refund ${request.idempotencyKey} attempt ${attempts} failed: ${message}`);
    throw retryable ? PaymentError.providerUnavailable() : PaymentError.refundRefused(message);
  }

  private async runAfterCommit(steps: AfterCommit[]): Promise<void> {
    for (const step of steps) {
      await step().catch((error: unknown) => this.logger.error(`After a refund: ${String(error)}`));
    }
  }
}
