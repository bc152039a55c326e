import { FixedClock } from '../../common/clock';
import type { BookingPaymentsService } from './booking-payments.service';
import type { BookingWriter } from './booking-writer';
import type { NewAuditEvent } from './booking-writer';
import { BookingsService } from './bookings.service';
import type { BookingsRepository } from './bookings.repository';
import type { SlotsService } from './slots.service';
import {
  aBooking,
  InMemoryBookings,
  aClient,
  aPhotographer,
  accessOver,
} from './testing/booking-fakes';

const HOUR = 3_600_000;
const client = aClient;
const photographer = aPhotographer;

describe(BookingsService.name, () => {
  let db: InMemoryBookings;
  let clock: FixedClock;
  let afterTransition: { bookingId: string; event: NewAuditEvent }[];
  let online: boolean;
  let sut: BookingsService;

  beforeEach(() => {
    db = new InMemoryBookings();
    clock = new FixedClock('2030-06-01T09:00:00Z');
    afterTransition = [];
    online = false;
    const repository = db.repository as unknown as BookingsRepository;
    const writer = db.writer as unknown as BookingWriter;
    const access = accessOver(db, clock);
    const payments = {
      get online() {
        return online;
      },
      afterTransition: (bookingId: string, event: NewAuditEvent) => {
        afterTransition.push({ bookingId, event });
        return Promise.resolve();
      },
    } as unknown as BookingPaymentsService;
    const slots = {} as SlotsService;
    sut = new BookingsService(repository, access, writer, slots, payments, clock);
  });

  /** A confirmed session on 10 June 2030 at 09:00 UTC, 60 € paid as the deposit. */
  function aPaidBooking() {
    const booking = aBooking({ amountPaidCents: 6_000, paymentStatus: 'deposit_paid' });
    db.add(booking);
    return booking;
  }

  describe('cancelling under the policy snapshot', () => {
    it('gives a client cancelling three days before the 48-hour tier: half of what was paid', async () => {
      const booking = aPaidBooking();
      clock.set(new Date(booking.startsAt.getTime() - 72 * HOUR));

      const preview = await sut.cancellationPreview(client, booking.id);
      expect(preview).toMatchObject({ allowed: true, refundPercent: 50, refundCents: 3_000 });

      const cancelled = await sut.act(client, booking.id, 'cancel');
      expect(cancelled.status).toBe('cancelled_by_client');
      expect(afterTransition).toEqual([
        {
          bookingId: booking.id,
          event: expect.objectContaining({
            toStatus: 'cancelled_by_client',
            details: { refundPercent: 50, refundCents: 3_000 },
          }),
        },
      ]);
    });

    it('gives everything back a week or more before, and nothing the day before', async () => {
      const early = aPaidBooking();
      clock.set(new Date(early.startsAt.getTime() - 8 * 24 * HOUR));
      expect(await sut.cancellationPreview(client, early.id)).toMatchObject({
        refundPercent: 100,
        refundCents: 6_000,
      });
      clock.set(new Date(early.startsAt.getTime() - 24 * HOUR));
      expect(await sut.cancellationPreview(client, early.id)).toMatchObject({
        refundPercent: 0,
        refundCents: 0,
        tierLabel: 'Less than 2 days before: nothing back',
      });
    });

    it('refuses once the session has started, and leaves the booking as it was', async () => {
      const booking = aPaidBooking();
      clock.set(new Date(booking.startsAt.getTime() + 10 * 60_000));
      await expect(sut.act(client, booking.id, 'cancel')).rejects.toMatchObject({
        code: 'BOOKING_ALREADY_STARTED',
      });
      expect(db.row(booking.id).status).toBe('confirmed');
      expect(afterTransition).toEqual([]);
    });

    it('refunds a photographer’s cancellation in full, whatever the notice', async () => {
      const booking = aPaidBooking();
      clock.set(new Date(booking.startsAt.getTime() - 2 * HOUR));
      const preview = await sut.cancellationPreview(photographer, booking.id);
      expect(preview).toMatchObject({ allowed: true, refundPercent: 100, refundCents: 6_000 });
      expect((await sut.act(photographer, booking.id, 'cancel')).status).toBe(
        'cancelled_by_photographer',
      );
    });
  });

  it('completes a session only once it has started', async () => {
    const booking = aPaidBooking();
    await expect(sut.act(photographer, booking.id, 'complete')).rejects.toMatchObject({
      code: 'BOOKING_NOT_STARTED',
    });
    clock.set(new Date(booking.startsAt.getTime() + 2 * HOUR));
    expect((await sut.act(photographer, booking.id, 'complete')).status).toBe('completed');
    expect(db.actionsOf(booking.id)).toEqual(['complete']);
  });

  describe('a held slot', () => {
    function aHold() {
      const booking = aBooking({
        status: 'held',
        holdExpiresAt: new Date(clock.now().getTime() + 15 * 60_000),
      });
      db.add(booking);
      return booking;
    }

    it('is confirmed by the client with the manual provider, the price due at the studio', async () => {
      const booking = aHold();
      const confirmed = await sut.act(client, booking.id, 'confirm');
      expect(confirmed.status).toBe('confirmed');
      expect(db.row(booking.id)).toMatchObject({
        holdExpiresAt: null,
        paymentStatus: 'due_at_studio',
      });
    });

    it('needs the payment to confirm it when payments are online', async () => {
      online = true;
      const booking = aHold();
      await expect(sut.act(client, booking.id, 'confirm')).rejects.toMatchObject({
        code: 'BOOKING_PAYMENT_REQUIRED',
      });
      expect(db.row(booking.id).status).toBe('held');
    });

    it('reads as expired once its 15 minutes are over, and can no longer be confirmed', async () => {
      const booking = aHold();
      clock.advance(16 * 60_000);
      expect((await sut.get(client, booking.id)).status).toBe('expired');
      await expect(sut.act(client, booking.id, 'confirm')).rejects.toMatchObject({
        code: 'BOOKING_TRANSITION_NOT_ALLOWED',
      });
      expect(db.actionsOf(booking.id)).toEqual(['expire']);
    });

    it('is still the client’s a minute before it lapses', async () => {
      const booking = aHold();
      clock.advance(14 * 60_000);
      expect((await sut.get(client, booking.id)).status).toBe('held');
    });
  });

  it('hides a booking from anyone who is not a party to it (not found, never forbidden)', async () => {
    const booking = aPaidBooking();
    const stranger = { ...client, userId: 'someone-else' };
    await expect(sut.get(stranger, booking.id)).rejects.toMatchObject({
      code: 'BOOKING_NOT_FOUND',
    });
  });
});
