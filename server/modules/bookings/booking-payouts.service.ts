import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { amountDueCents } from '../../../shared/bookings/amount-due';
import type { BookingStatus } from '../../../shared/bookings/bookings.types';
import type {
  AtStudioInCurrencyDto,
  EarningsDto,
  EarningsInCurrencyDto,
} from '../../../shared/payments/payments.types';
import { splitPlatformFee } from '../../../shared/payments/money-split';
import { LedgerQueriesService } from '../payments/ledger-queries.service';
import { PaymentError } from '../payments/payments.errors';
import { PaymentsService } from '../payments/payments.service';
import { TransfersService } from '../payments/transfers.service';
import { WebhookHandlers } from '../payments/webhook-handlers.service';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { Booking } from './booking.entity';

/**
 * The photographer's side of a booking's money: their share is held until the work is
 * delivered, then transferred (once, in the booking's currency); what they have earned, per
 * currency.
 */
@Injectable()
export class BookingPayoutsService implements OnModuleInit {
  private readonly logger = new Logger(BookingPayoutsService.name);

  constructor(
    private readonly transfers: TransfersService,
    private readonly queries: LedgerQueriesService,
    private readonly payments: PaymentsService,
    private readonly webhooks: WebhookHandlers,
    private readonly catalog: PhotographerCatalog,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // A photographer whose payout account just became ready gets what was held for them.
    this.webhooks.register('payout_account_updated', async (event) => {
      if (!event.payoutsEnabled) return;
      return () => this.transferHeldShares(event.accountId);
    });
  }

  /** Pays the photographer their share, unless their payout account is not ready yet. */
  async transferShare(bookingId: string): Promise<void> {
    const booking = await this.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId });
    const profile = await this.catalog.profileById(booking.photographerId);
    if (!profile) return;
    try {
      // A draft credit is funded by the platform (it kept the unlock fee): the photographer's
      // share is of the full price, not of the reduced total the client paid.
      await this.transfers.transferShare(
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

  /** What a photographer has earned, in each currency they were paid in. */
  async earningsOf(photographerUserId: string): Promise<EarningsDto> {
    const profile = await this.catalog.profileOfUser(photographerUserId);
    const bookings = profile
      ? await this.dataSource.getRepository(Booking).find({
          where: { photographerId: profile.id },
          select: {
            id: true,
            price: true,
            status: true,
            paymentStatus: true,
            amountPaidCents: true,
          },
        })
      : [];
    const priceOf = new Map(bookings.map((b) => [b.id, b.price]));
    const summaries = await this.queries.summaries(
      'booking',
      bookings.map((b) => b.id),
    );
    const feePercent = this.payments.platformFeePercent;
    const byCurrency = new Map<string, EarningsInCurrencyDto>();
    for (const [bookingId, summary] of summaries) {
      const price = priceOf.get(bookingId);
      const currency = (summary.currency ?? price?.currency ?? '').toUpperCase();
      const row = byCurrency.get(currency) ?? {
        currency,
        heldCents: 0,
        transferredCents: 0,
        platformFeeCents: 0,
      };
      row.platformFeeCents += summary.platformFeeCents;
      row.transferredCents += summary.transferredCents - summary.reversedCents;
      const net = Math.max(0, summary.paidCents - summary.refundedCents);
      if (summary.transferredCents === 0 && net > 0) {
        // Their share is of the full price: a draft credit is the platform's, not theirs.
        const credit = price?.draftCredit?.amountCents ?? 0;
        row.heldCents += splitPlatformFee(net + credit, feePercent).shareCents;
      }
      byCurrency.set(currency, row);
    }
    const account = await this.payments.payoutAccountOf(photographerUserId);
    return {
      byCurrency: [...byCurrency.values()].sort(
        (a, b) => b.heldCents + b.transferredCents - (a.heldCents + a.transferredCents),
      ),
      atStudio: atStudioTotals(bookings),
      platformFeePercent: feePercent,
      payoutStatus: account.status,
    };
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
}

const UPCOMING: readonly BookingStatus[] = ['confirmed', 'rescheduled'];
const HELD: readonly BookingStatus[] = ['completed', 'delivered'];

/** Bookings paid at the studio, summed per currency (amounts in different ones never mix). */
function atStudioTotals(
  bookings: Pick<Booking, 'price' | 'status' | 'paymentStatus' | 'amountPaidCents'>[],
): AtStudioInCurrencyDto[] {
  const byCurrency = new Map<string, AtStudioInCurrencyDto>();
  for (const booking of bookings) {
    if (booking.paymentStatus !== 'due_at_studio') continue;
    const upcoming = UPCOMING.includes(booking.status);
    if (!upcoming && !HELD.includes(booking.status)) continue;
    const currency = booking.price.currency.toUpperCase();
    const row = byCurrency.get(currency) ?? {
      currency,
      dueCents: 0,
      dueSessions: 0,
      heldSessionsCents: 0,
      heldSessions: 0,
    };
    if (upcoming) {
      row.dueCents += amountDueCents({
        status: booking.status,
        totalCents: booking.price.totalCents,
        amountPaidCents: booking.amountPaidCents,
      });
      row.dueSessions += 1;
    } else {
      row.heldSessionsCents += booking.price.totalCents;
      row.heldSessions += 1;
    }
    byCurrency.set(currency, row);
  }
  return [...byCurrency.values()].sort(
    (a, b) => b.dueCents + b.heldSessionsCents - (a.dueCents + a.heldSessionsCents),
  );
}
