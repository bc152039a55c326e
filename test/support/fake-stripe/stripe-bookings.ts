import { DataSource } from 'typeorm';
import { Booking } from '../../../server/modules/bookings/booking.entity';
import type { TestApp } from '../test-app';
import type { FakeStripe } from './fake-stripe';

const HOUR = 3_600_000;

/** The newest Checkout Session the app opened for a booking (or any reference). */
export function checkoutSessionOf(fake: FakeStripe, referenceId: string, onlyOpen = false) {
  return fake
    .all('cs_test')
    .filter(
      (s) =>
        (s.metadata as { referenceId?: string }).referenceId === referenceId &&
        (!onlyOpen || s.status === 'open'),
    )
    .at(-1)!;
}

/**
 * Moves a booking's session `hoursAgo` into the past behind the API's back, so it can be
 * completed (the API only completes sessions that have happened).
 */
export async function moveSessionIntoPast(t: TestApp, id: string, hoursAgo: number) {
  const startsAt = new Date(Date.now() - hoursAgo * HOUR);
  const endsAt = new Date(startsAt.getTime() + HOUR);
  await t.app
    .get(DataSource)
    .getRepository(Booking)
    .update({ id }, { startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt });
}
