import { Injectable } from '@nestjs/common';
import type { PaymentProviderName } from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { BookingRecord } from '../bookings/bookings.types';
import { CheckoutService } from '../payments/checkout.service';
import { LedgerQueriesService } from '../payments/ledger-queries.service';
import { UsersService } from '../users/users.service';
import type { Gallery } from './gallery.entity';
import { GalleryRepository } from './gallery.repository';

const CHARGED = ['succeeded', 'partially_refunded'];

/**
 * Money for extra photos, through the payments module. With the `manual` provider nothing is
 * charged online (extras are due at the studio); with Stripe, one hosted checkout per booking.
 */
@Injectable()
export class ExtraPayments {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly ledger: LedgerQueriesService,
    private readonly users: UsersService,
    private readonly repository: GalleryRepository,
  ) {}

  get providerName(): PaymentProviderName {
    return this.checkout.providerName;
  }

  async paidCents(booking: BookingRecord): Promise<number> {
    if (this.checkout.providerName === 'manual') return 0;
    const payments = await this.ledger.paymentsFor('booking', booking.id);
    return payments
      .filter((p) => p.kind === 'extra_images' && CHARGED.includes(p.status))
      .reduce((sum, p) => sum + p.amountCents - p.refundedCents, 0);
  }

  async paidExtraCount(booking: BookingRecord): Promise<number> {
    const price = booking.price.extraImagePriceCents;
    return price > 0 ? Math.floor((await this.paidCents(booking)) / price) : 0;
  }

  async startCheckout(auth: AuthContext, booking: BookingRecord, cents: number, now: Date) {
    const client = await this.users.findById(auth.userId);
    const { url } = await this.checkout.startCheckout({
      purpose: 'booking',
      referenceId: booking.id,
      payerId: auth.userId,
      kind: 'extra_images',
      amountCents: cents,
      currency: booking.price.currency,
      description: `Extra photos — ${booking.price.packageName}`,
      customerEmail: client?.email,
      returnPath: `/app/deliveries/${booking.id}`,
      expiresAt: new Date(now.getTime() + 2 * 3_600_000),
      saveCard: false,
      transferGroup: `booking-${booking.id}`,
    });
    return url;
  }

  /** An open online charge that has been paid since (webhook) becomes `paid`. */
  async settle(booking: BookingRecord, gallery: Gallery | null): Promise<Gallery | null> {
    if (gallery?.extraCharge !== 'awaiting_payment') return gallery;
    if ((await this.paidCents(booking)) < gallery.extraAmountCents) return gallery;
    await this.repository.updateGallery(booking.id, { extraCharge: 'paid', checkoutUrl: null });
    return { ...gallery, extraCharge: 'paid', checkoutUrl: null } as Gallery;
  }
}
