import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { BookingLedgerDto, PaymentStatus } from '../../../shared/bookings/bookings.types';
import type {
  AdminRefundInput,
  EarningsDto,
  PaymentKind,
} from '../../../shared/payments/payments.types';
import { splitPlatformFee } from '../payments/domain/money-split';
import { PaymentError } from '../payments/payments.errors';
import {
  type PaymentPurposeHandler,
  PaymentLedgerService,
} from '../payments/payment-ledger.service';
import type { Payment } from '../payments/payment.entity';
import { PaymentsService } from '../payments/payments.service';
import { WebhookHandlers, type AfterCommit } from '../payments/webhook-handlers';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { UsersService } from '../users/users.service';
import { AuditEvent } from './audit-event.entity';
import { Booking } from './booking.entity';
import type { NewAuditEvent } from './booking-writer';
import { BookingError } from './bookings.errors';

/** Checkout pages must stay open at least 30 minutes (Stripe's minimum). */
const CHECKOUT_MINUTES = 31;
/** The hold outlives its checkout page a little, for the webhook to arrive. */
const HOLD_GRACE_MINUTES = 3;

/**
 * A booking's money through the payments module: deposit or full price at checkout (which
 * confirms the held slot), the balance when the session is completed, refunds by the policy
 * snapshot on cancellation, and the photographer's share on delivery. With the `manual`
 * provider nothing here moves money: the price is due at the studio.
 */
@Injectable()
export class BookingPaymentsService implements OnModuleInit, PaymentPurposeHandler {
  private readonly logger = new Logger(BookingPaymentsService.name);

  constructor(
    private readonly ledger: PaymentLedgerService,
    private readonly payments: PaymentsService,
    private readonly webhooks: WebhookHandlers,
    private readonly catalog: PhotographerCatalog,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.ledger.registerPurpose('booking', this);
    // A photographer whose payout account just became ready gets what was held for them.
    this.webhooks.register('account.updated', async (event) => {
      if (event.object.payouts_enabled !== true) return;
      return () => this.transferHeldShares(String(event.object.id));
    });
  }

  get online(): boolean {
    return this.payments.providerName === 'stripe';
  }

  get providerName(): 'manual' | 'stripe' {
    return this.payments.providerName;
  }

  /** The client's hosted payment page for a held booking; the hold lasts as long as the page. */
  async startCheckout(booking: Booking, now = new Date()): Promise<{ url: string }> {
    if (!this.online) throw PaymentError.onlinePaymentsDisabled();
    if (booking.status !== 'held' || !booking.holdExpiresAt || booking.holdExpiresAt <= now) {
      throw BookingError.transition('HOLD_EXPIRED', 'This hold has ended. Choose the time again.');
    }
    const { depositCents, totalCents } = booking.price;
    if (totalCents === 0) throw BookingError.nothingToPay();
    const kind: PaymentKind = depositCents > 0 && depositCents < totalCents ? 'deposit' : 'full';
    const checkoutEnds = new Date(now.getTime() + CHECKOUT_MINUTES * 60_000);
    const holdEnds = new Date(checkoutEnds.getTime() + HOLD_GRACE_MINUTES * 60_000);
    await this.dataSource
      .createQueryBuilder()
      .update(Booking)
      .set({ holdExpiresAt: holdEnds, paymentStatus: 'awaiting_payment', updatedAt: now })
      .where('id = :id AND status = :status', { id: booking.id, status: 'held' })
      .execute();
    const [client, profile] = await Promise.all([
      this.users.findById(booking.clientId),
      this.catalog.profileById(booking.photographerId),
    ]);
    const { url } = await this.ledger.startCheckout({
      purpose: 'booking',
      referenceId: booking.id,
      payerId: booking.clientId,
      kind,
      amountCents: kind === 'deposit' ? depositCents : totalCents,
      description: `${booking.price.packageName} with ${profile?.displayName ?? 'your photographer'} — ${kind === 'deposit' ? 'deposit' : 'full price'}`,
      customerEmail: client?.email,
      returnPath: `/app/bookings/${booking.id}`,
      expiresAt: checkoutEnds,
      saveCard: kind === 'deposit',
      transferGroup: `booking-${booking.id}`,
    });
    return { url };
  }

  /** Runs in the webhook's transaction: the money arrived, so the held slot becomes the client's. */
  async onPaymentSucceeded(payment: Payment, manager: EntityManager): Promise<void | AfterCommit> {
    const booking = await manager.findOneBy(Booking, { id: payment.referenceId });
    if (!booking) return;
    const now = new Date();
    const paid = booking.amountPaidCents + payment.amountCents;
    if (payment.kind === 'extra_images') {
      // Extra photos picked after the session: outside the session price, kept in the ledger.
      await this.update(manager, booking, {}, now, {
        action: 'extras_paid',
        toStatus: booking.status,
        details: { amountCents: payment.amountCents },
      });
      return;
    }
    if (payment.kind === 'balance') {
      await this.update(
        manager,
        booking,
        { amountPaidCents: paid, paymentStatus: 'paid', payUrl: null },
        now,
        {
          action: 'balance_paid',
          toStatus: booking.status,
          details: { amountCents: payment.amountCents },
        },
      );
      return;
    }
    if (booking.status === 'held') {
      const to = booking.policy.bookingMode === 'approval' ? 'requested' : 'confirmed';
      const status: PaymentStatus = payment.kind === 'deposit' ? 'deposit_paid' : 'paid';
      await this.update(
        manager,
        booking,
        {
          status: to,
          holdExpiresAt: null,
          amountPaidCents: paid,
          paymentStatus: status,
          sequence: booking.sequence + 1,
        },
        now,
        {
          action: 'payment_received',
          toStatus: to,
          details: { amountCents: payment.amountCents, kind: payment.kind },
        },
      );
      return;
    }
    // Paid after the hold lapsed (or the booking ended meanwhile): give the money back.
    await this.update(manager, booking, { amountPaidCents: paid }, now, {
      action: 'late_payment',
      toStatus: booking.status,
      details: {
        amountCents: payment.amountCents,
        reason: 'The hold had ended; the payment is refunded in full',
      },
    });
    return () => this.refund(booking.id, payment.amountCents, 'late-payment');
  }

  /**
   * Money that follows a booking transition, after it has committed: refunds on cancellation
   * and decline, the balance on completion, the photographer's share on delivery.
   */
  async afterTransition(bookingId: string, event: NewAuditEvent): Promise<void> {
    if (!this.online) return;
    try {
      switch (event.toStatus) {
        case 'cancelled_by_client':
        case 'cancelled_by_photographer':
        case 'declined': {
          const booking = await this.dataSource
            .getRepository(Booking)
            .findOneByOrFail({ id: bookingId });
          const refundCents =
            event.toStatus === 'cancelled_by_client'
              ? Number((event.details as { refundCents?: number } | null)?.refundCents ?? 0)
              : booking.amountPaidCents - booking.amountRefundedCents;
          if (refundCents > 0) await this.refund(bookingId, refundCents, event.toStatus);
          return;
        }
        case 'completed':
          await this.chargeBalance(bookingId);
          return;
        case 'delivered':
          await this.transferShare(bookingId);
          return;
        default:
          return;
      }
    } catch (error) {
      // The booking's new state stands; the money step is logged for an admin to finish.
      this.logger.error(
        `Payment step after ${event.action} on booking ${bookingId} failed: ${String(error)}`,
      );
    }
  }

  /** What a photographer has earned: held until delivery, transferred, and the platform fee. */
  async earningsOf(photographerUserId: string): Promise<EarningsDto> {
    const profile = await this.catalog.profileOfUser(photographerUserId);
    const bookings = profile
      ? await this.dataSource
          .getRepository(Booking)
          .find({ where: { photographerId: profile.id }, select: { id: true, price: true } })
      : [];
    const creditOf = new Map(bookings.map((b) => [b.id, b.price.draftCredit?.amountCents ?? 0]));
    const summaries = await this.ledger.summaries(
      'booking',
      bookings.map((b) => b.id),
    );
    const feePercent = this.ledger.platformFeePercent;
    let held = 0;
    let transferred = 0;
    let fees = 0;
    let currency = this.ledger.currency;
    for (const [bookingId, summary] of summaries) {
      currency = summary.currency;
      fees += summary.platformFeeCents;
      transferred += summary.transferredCents - summary.reversedCents;
      const net = Math.max(0, summary.paidCents - summary.refundedCents);
      if (summary.transferredCents === 0 && net > 0) {
        // Their share is of the full price: a draft credit is the platform's, not theirs.
        held += splitPlatformFee(net + (creditOf.get(bookingId) ?? 0), feePercent).shareCents;
      }
    }
    const account = await this.payments.payoutAccountOf(photographerUserId);
    return {
      currency,
      heldCents: held,
      transferredCents: transferred,
      platformFeeCents: fees,
      platformFeePercent: feePercent,
      payoutStatus: account.status,
    };
  }

  /** An admin's refund on a booking, once per request id, within what was paid. */
  async refundByAdmin(bookingId: string, input: AdminRefundInput): Promise<void> {
    if (!this.online) throw PaymentError.onlinePaymentsDisabled();
    const booking = await this.dataSource.getRepository(Booking).findOneBy({ id: bookingId });
    if (!booking) throw BookingError.notFound();
    if (booking.amountPaidCents - booking.amountRefundedCents <= 0)
      throw PaymentError.nothingToRefund();
    await this.refund(bookingId, input.amountCents, `admin-${input.requestId}`);
  }

  async ledgerOf(bookingId: string): Promise<BookingLedgerDto> {
    const summary = await this.ledger.summary('booking', bookingId);
    const entries = await this.ledger.entriesFor('booking', bookingId);
    return {
      currency: summary.currency,
      paidCents: summary.paidCents,
      refundedCents: summary.refundedCents,
      entries: entries
        .filter((e) => e.type === 'charge' || e.type === 'refund')
        .map((e) => ({
          type: e.type,
          amountCents: e.amountCents,
          at: e.createdAt.toISOString(),
          note: e.note,
        })),
    };
  }

  /** Refunds `amountCents` across the booking's payments, newest first, once per reason. */
  private async refund(bookingId: string, amountCents: number, reason: string): Promise<void> {
    let left = amountCents;
    const charged = (await this.ledger.paymentsFor('booking', bookingId))
      .filter((p) => ['succeeded', 'partially_refunded'].includes(p.status))
      .reverse();
    for (const payment of charged) {
      if (left <= 0) break;
      const part = Math.min(left, payment.amountCents - payment.refundedCents);
      if (part <= 0) continue;
      await this.ledger.refund(payment.id, part, reason);
      left -= part;
    }
    const refunded = (await this.ledger.paymentsFor('booking', bookingId)).reduce(
      (t, p) => t + p.refundedCents,
      0,
    );
    const booking = await this.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId });
    const status: PaymentStatus =
      refunded >= booking.amountPaidCents ? 'refunded' : 'partially_refunded';
    await this.dataSource.transaction((manager) =>
      this.update(
        manager,
        booking,
        { amountRefundedCents: refunded, paymentStatus: status },
        new Date(),
        {
          action: 'refunded',
          toStatus: booking.status,
          details: { refundCents: amountCents - left, reason },
        },
      ),
    );
  }

  private async chargeBalance(bookingId: string): Promise<void> {
    const booking = await this.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId });
    const balance = booking.price.totalCents - booking.amountPaidCents;
    if (booking.paymentStatus !== 'deposit_paid' || balance <= 0)
      return this.transferIfNoDelivery(booking);
    const deposit = (await this.ledger.paymentsFor('booking', bookingId)).find(
      (p) => p.kind === 'deposit' && p.status === 'succeeded',
    );
    if (!deposit) return;
    try {
      const payment = await this.ledger.chargeSavedCard({
        firstPayment: deposit,
        kind: 'balance',
        amountCents: balance,
        description: `${booking.price.packageName} — balance`,
      });
      await this.dataSource.transaction((manager) =>
        this.update(
          manager,
          booking,
          { amountPaidCents: booking.amountPaidCents + payment.amountCents, paymentStatus: 'paid' },
          new Date(),
          {
            action: 'balance_charged',
            toStatus: booking.status,
            details: { amountCents: payment.amountCents },
          },
        ),
      );
      await this.transferIfNoDelivery(booking);
    } catch (error) {
      if (!(error instanceof PaymentError) || error.code !== 'PAYMENT_AUTHENTICATION_REQUIRED')
        throw error;
      // The bank wants the card holder: a hosted page for the balance, linked from the booking.
      const { url } = await this.ledger.startCheckout({
        purpose: 'booking',
        referenceId: booking.id,
        payerId: booking.clientId,
        kind: 'balance',
        amountCents: balance,
        description: `${booking.price.packageName} — balance`,
        returnPath: `/app/bookings/${booking.id}`,
        expiresAt: new Date(Date.now() + 23 * 3600_000),
        saveCard: false,
        transferGroup: `booking-${booking.id}`,
      });
      await this.dataSource.transaction((manager) =>
        this.update(manager, booking, { paymentStatus: 'balance_due', payUrl: url }, new Date(), {
          action: 'balance_needs_authentication',
          toStatus: booking.status,
          details: { amountCents: balance, payUrl: url },
        }),
      );
    }
  }

  /** Packages without a delivery step pay the photographer when the session is completed. */
  private async transferIfNoDelivery(booking: Booking): Promise<void> {
    if (booking.price.deliveryDays === 0) await this.transferShare(booking.id);
  }

  private async transferShare(bookingId: string): Promise<void> {
    const booking = await this.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId });
    const profile = await this.catalog.profileById(booking.photographerId);
    if (!profile) return;
    try {
      // A draft credit is funded by the platform (it kept the unlock fee): the photographer's
      // share is of the full price, not of the reduced total the client paid.
      await this.ledger.transferShare(
        'booking',
        bookingId,
        profile.userId,
        booking.price.draftCredit?.amountCents ?? 0,
      );
    } catch (error) {
      // Held until the photographer's payout account is ready (see onModuleInit).
      if (error instanceof PaymentError && error.code === 'PAYOUT_ACCOUNT_NOT_READY') return;
      throw error;
    }
  }

  private async transferHeldShares(providerAccountId: string): Promise<void> {
    const userId = await this.payments.payoutAccountOwner(providerAccountId);
    const profile = userId ? await this.catalog.profileOfUser(userId) : null;
    if (!profile) return;
    const due = await this.dataSource.getRepository(Booking).findBy({
      photographerId: profile.id,
      status: In(['delivered', 'completed']),
    });
    for (const booking of due) {
      if (booking.status === 'completed' && booking.price.deliveryDays > 0) continue;
      await this.transferShare(booking.id).catch((error: unknown) =>
        this.logger.error(`Held transfer for booking ${booking.id} failed: ${String(error)}`),
      );
    }
  }

  private async update(
    manager: EntityManager,
    booking: Booking,
    patch: Partial<Booking>,
    now: Date,
    event: { action: string; toStatus: string; details: Record<string, unknown> },
  ): Promise<void> {
    await manager.update(Booking, { id: booking.id }, { ...patch, updatedAt: now });
    await manager.save(
      AuditEvent,
      Object.assign(new AuditEvent(), {
        id: randomUUID(),
        subjectType: 'booking',
        subjectId: booking.id,
        action: event.action,
        fromStatus: booking.status,
        toStatus: event.toStatus,
        actorId: null,
        actorRole: 'system',
        details: event.details,
        at: now,
      }),
    );
  }
}
