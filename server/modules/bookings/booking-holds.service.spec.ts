import type { AuthContext } from '../../common/auth/auth-context';
import { FixedClock } from '../../common/clock';
import { policySnapshotOf, pricedPackage } from '../photographers/photographers.mappers';
import type { Package } from '../photographers/package.entity';
import type { PhotographerProfile } from '../photographers/photographer-profile.entity';
import type { BookingBriefsService } from './booking-briefs.service';
import { BookingHoldsService } from './booking-holds.service';
import type { BookingPaymentsService } from './booking-payments.service';
import type { BookingWriter } from './booking-writer';
import type { SlotsService } from './slots.service';
import { InMemoryBookings, aClient, accessOver } from './testing/booking-fakes';

const client = aClient;
const STARTS_AT = '2030-06-10T09:00:00.000Z';

/** Holding a slot: the price comes from the package on the server, the hold lasts 15 minutes. */
describe(BookingHoldsService.name, () => {
  let db: InMemoryBookings;
  let clock: FixedClock;
  let creditCents: number | null;
  let sut: BookingHoldsService;

  beforeEach(() => {
    db = new InMemoryBookings();
    clock = new FixedClock('2030-06-01T09:00:00Z');
    creditCents = null;
    const profile = {
      id: 'studio-1',
      timeZone: 'Europe/Berlin',
      bookingMode: 'instant',
      cancellationTiers: [{ minHoursBefore: 48, refundPercent: 100 }],
      rescheduleCutoffHours: 24,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
    } as PhotographerProfile;
    const pkg = {
      id: 'package-1',
      name: 'On location',
      durationMinutes: 60,
      priceCents: 20_000,
      currency: 'EUR',
      depositKind: 'percent',
      depositValue: 30,
      includedImages: 5,
      extraImagePriceCents: 1_000,
      deliveryDays: 7,
      location: 'on_location',
      travelFeeCents: 4_000,
    } as Package;
    const slots = {
      bookableOfferAt: () =>
        Promise.resolve({
          profile,
          pkg,
          policy: policySnapshotOf(profile),
          pricing: pricedPackage(pkg),
        }),
    } as unknown as SlotsService;
    const briefs = {
      creditFor: (_auth: AuthContext, draftId: string) =>
        Promise.resolve({ draftId, amountCents: creditCents ?? 0 }),
    } as unknown as BookingBriefsService;
    const payments = { providerName: 'stripe' } as unknown as BookingPaymentsService;
    const writer = db.writer as unknown as BookingWriter;
    const access = accessOver(db, clock);
    sut = new BookingHoldsService(slots, writer, payments, briefs, access, clock);
  });

  it('prices the hold from the package and its travel fee, and keeps the slot 15 minutes', async () => {
    const held = await sut.hold(client, { packageId: 'package-1', startsAt: STARTS_AT });

    expect(held.status).toBe('held');
    expect(held.holdExpiresAt).toBe('2030-06-01T09:15:00.000Z');
    expect(held.price).toMatchObject({ totalCents: 24_000, travelFeeCents: 4_000 });
    expect(db.row(held.id).blockedUntil.toISOString()).toBe('2030-06-10T10:15:00.000Z');
    expect(db.actionsOf(held.id)).toEqual(['hold']);
  });

  it('takes a draft credit off the price and says so in the audit trail', async () => {
    creditCents = 1_500;
    const held = await sut.hold(client, {
      packageId: 'package-1',
      startsAt: STARTS_AT,
      creditDraftId: 'draft-1',
    });

    expect(held.price.totalCents).toBe(22_500);
    expect(db.events.at(-1)?.details).toEqual({ draftCreditCents: 1_500 });
  });
});
