import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PaymentKind } from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock';
import { CheckoutService } from '../payments/checkout.service';
import { PaymentError } from '../payments/payments.errors';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { UsersService } from '../users/users.service';
import { BookingAccessService } from './booking-access.service';
import { Booking } from './booking.entity';
import { BookingError } from './bookings.errors';

/** Checkout pages must stay open at least 30 minutes (Stripe's minimum). */
const CHECKOUT_MINUTES = 31;
/** The hold outlives its checkout page a little, for the webhook to arrive. */
const HOLD_GRACE_MINUTES = 3;

/**
 * Paying for a held booking online: the hosted checkout page for the deposit or the full price,
 * priced from the booking (never from the browser). The payment itself confirms the booking
 * (BookingPaymentEvents).
 */
@Injectable()
export class BookingCheckoutService {
  constructor(
    private readonly access: BookingAccessService,
    private readonly checkout: CheckoutService,
    private readonly catalog: PhotographerCatalog,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Opens the hosted payment page for the caller's held booking (online payments only). */
  async open(auth: AuthContext, id: string): Promise<{ url: string }> {
    const now = this.clock.now();
    const { booking, actor } = await this.access.load(auth, id, now);
    if (actor !== 'client') throw BookingError.notFound();
    return this.startCheckout(booking, now);
  }

  /** The client's hosted payment page for a held booking; the hold lasts as long as the page. */
  private async startCheckout(booking: Booking, now: Date): Promise<{ url: string }> {
    if (!this.checkout.online) throw PaymentError.onlinePaymentsDisabled();
    if (booking.status !== 'held' || !booking.holdExpiresAt || booking.holdExpiresAt <= now) {
      throw BookingError.transition('HOLD_EXPIRED', 'This hold has ended. Choose the time again.');
    }
    if (booking.paymentStatus === 'payment_processing') {
      throw BookingError.transition(
        'PAYMENT_PROCESSING',
        'Your payment is on its way from your bank; the time stays held until it arrives.',
      );
    }
    const { depositCents, totalCents, currency } = booking.price;
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
    const { url } = await this.checkout.startCheckout({
      purpose: 'booking',
      referenceId: booking.id,
      payerId: booking.clientId,
      kind,
      amountCents: kind === 'deposit' ? depositCents : totalCents,
      currency,
      description: `${booking.price.packageName} with ${profile?.displayName ?? 'your photographer'} — ${kind === 'deposit' ? 'deposit' : 'full price'}`,
      customerEmail: client?.email,
      returnPath: `/app/bookings/${booking.id}`,
      expiresAt: checkoutEnds,
      saveCard: kind === 'deposit',
      transferGroup: `booking-${booking.id}`,
    });
    return { url };
  }
}
