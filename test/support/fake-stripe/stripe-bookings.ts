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
 * Moves the app's clock to `hoursAfter` hours after a booking's session started, so it can be
 * completed (the API only completes sessions that have happened). Reset it after the test.
 */
export function travelPastSession(t: TestApp, booking: { startsAt: string }, hoursAfter = 2): void {
  t.clock.travelTo(new Date(Date.parse(booking.startsAt) + hoursAfter * HOUR));
}
