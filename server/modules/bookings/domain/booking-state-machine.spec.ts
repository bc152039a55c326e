import type { BookingAction, BookingStatus } from '../../../../shared/bookings/bookings.types';
import {
  allowedActions,
  type BookingActor,
  blocksTime,
  decideTransition,
  MONEY_ACTIONS,
  type MoneyAction,
  type TransitionSubject,
} from './booking-state-machine';

const NOW = new Date('2025-06-10T12:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

function aSubject(overrides: Partial<TransitionSubject> = {}): TransitionSubject {
  return {
    status: 'confirmed',
    startsAt: hours(72),
    holdExpiresAt: null,
    bookingMode: 'instant',
    rescheduleCutoffHours: 24,
    ...overrides,
  };
}

describe(decideTransition.name, () => {
  it.each<[string, Partial<TransitionSubject>, BookingAction, BookingActor, BookingStatus]>([
    [
      'a live hold is confirmed in instant mode',
      { status: 'held', holdExpiresAt: hours(0.2) },
      'confirm',
      'client',
      'confirmed',
    ],
    [
      'a live hold becomes a request in approval mode',
      { status: 'held', holdExpiresAt: hours(0.2), bookingMode: 'approval' },
      'confirm',
      'client',
      'requested',
    ],
    [
      'a lapsed hold expires',
      { status: 'held', holdExpiresAt: hours(-0.1) },
      'expire',
      'system',
      'expired',
    ],
    [
      'the photographer approves a request',
      { status: 'requested' },
      'approve',
      'photographer',
      'confirmed',
    ],
    [
      'the photographer declines a request',
      { status: 'requested' },
      'decline',
      'photographer',
      'declined',
    ],
    ['the client cancels', {}, 'cancel', 'client', 'cancelled_by_client'],
    [
      'the photographer cancels',
      { status: 'rescheduled' },
      'cancel',
      'photographer',
      'cancelled_by_photographer',
    ],
    [
      'the client abandons a hold',
      { status: 'held', holdExpiresAt: hours(0.2) },
      'cancel',
      'client',
      'cancelled_by_client',
    ],
    ['a booking is rescheduled', {}, 'reschedule', 'client', 'rescheduled'],
    [
      'a rescheduled booking is rescheduled again',
      { status: 'rescheduled' },
      'reschedule',
      'photographer',
      'rescheduled',
    ],
    [
      'a started session is completed',
      { startsAt: hours(-1) },
      'complete',
      'photographer',
      'completed',
    ],
    [
      'a started session is a no-show',
      { startsAt: hours(-1) },
      'no_show',
      'photographer',
      'no_show',
    ],
    [
      'a completed booking is delivered',
      { status: 'completed', startsAt: hours(-30) },
      'deliver',
      'photographer',
      'delivered',
    ],
  ])('allows: %s', (_, subject, action, actor, to) => {
    expect(decideTransition(aSubject(subject), action, actor, NOW)).toEqual({ ok: true, to });
  });

  it.each<[string, Partial<TransitionSubject>, BookingAction, BookingActor, string]>([
    [
      'confirming a lapsed hold',
      { status: 'held', holdExpiresAt: hours(-0.1) },
      'confirm',
      'client',
      'HOLD_EXPIRED',
    ],
    [
      'expiring a live hold',
      { status: 'held', holdExpiresAt: hours(0.1) },
      'expire',
      'system',
      'BOOKING_TRANSITION_NOT_ALLOWED',
    ],
    [
      'cancelling after the start',
      { startsAt: hours(-0.5) },
      'cancel',
      'client',
      'BOOKING_ALREADY_STARTED',
    ],
    ['completing before the start', {}, 'complete', 'photographer', 'BOOKING_NOT_STARTED'],
    [
      'rescheduling inside the cut-off',
      { startsAt: hours(10) },
      'reschedule',
      'client',
      'RESCHEDULE_TOO_LATE',
    ],
    [
      'a client approving',
      { status: 'requested' },
      'approve',
      'client',
      'BOOKING_TRANSITION_NOT_ALLOWED',
    ],
    [
      'approving a confirmed booking',
      {},
      'approve',
      'photographer',
      'BOOKING_TRANSITION_NOT_ALLOWED',
    ],
    [
      'cancelling a cancelled booking',
      { status: 'cancelled_by_client' },
      'cancel',
      'client',
      'BOOKING_TRANSITION_NOT_ALLOWED',
    ],
    [
      'confirming a declined booking',
      { status: 'declined' },
      'confirm',
      'client',
      'BOOKING_TRANSITION_NOT_ALLOWED',
    ],
    [
      'completing an expired hold',
      { status: 'expired', startsAt: hours(-1) },
      'complete',
      'photographer',
      'BOOKING_TRANSITION_NOT_ALLOWED',
    ],
    [
      'rescheduling a hold',
      { status: 'held', holdExpiresAt: hours(0.2) },
      'reschedule',
      'client',
      'BOOKING_TRANSITION_NOT_ALLOWED',
    ],
  ])('refuses %s with %s', (_, subject, action, actor, code) => {
    const result = decideTransition(aSubject(subject), action, actor, NOW);
    expect(result).toMatchObject({ ok: false, code });
  });

  describe('the provider reporting money (system actor)', () => {
    it.each<[string, Partial<TransitionSubject>, MoneyAction, BookingStatus]>([
      ['a paid hold is confirmed', { status: 'held' }, 'payment_received', 'confirmed'],
      [
        'a paid hold becomes a request in approval mode',
        { status: 'held', bookingMode: 'approval' },
        'payment_received',
        'requested',
      ],
      [
        'a paid hold whose window lapsed, not yet expired, is still taken',
        { status: 'held', holdExpiresAt: hours(-0.1) },
        'payment_received',
        'confirmed',
      ],
      ['a delayed payment keeps the hold', { status: 'held' }, 'payment_processing', 'held'],
      ['a failed delayed payment ends the hold', { status: 'held' }, 'payment_failed', 'expired'],
      [
        'a balance or refund keeps a completed booking',
        { status: 'completed' },
        'money_recorded',
        'completed',
      ],
      [
        'a late payment keeps an expired hold expired',
        { status: 'expired' },
        'money_recorded',
        'expired',
      ],
    ])('allows: %s', (_, subject, action, to) => {
      expect(decideTransition(aSubject(subject), action, 'system', NOW)).toEqual({ ok: true, to });
    });

    it.each<[string, BookingStatus, MoneyAction]>([
      ['confirming an expired hold by payment (a late payment)', 'expired', 'payment_received'],
      ['confirming a cancelled booking by payment', 'cancelled_by_client', 'payment_received'],
      ['paying for an already confirmed booking twice', 'confirmed', 'payment_received'],
      ['failing a payment of a confirmed booking', 'confirmed', 'payment_failed'],
      ['holding a request for a delayed payment', 'requested', 'payment_processing'],
    ])('refuses %s', (_, status, action) => {
      expect(decideTransition(aSubject({ status }), action, 'system', NOW)).toMatchObject({
        ok: false,
        code: 'BOOKING_TRANSITION_NOT_ALLOWED',
      });
    });

    it('are never a party’s action, and never offered as a button', () => {
      for (const action of MONEY_ACTIONS) {
        for (const actor of ['client', 'photographer', 'admin'] as const) {
          expect(decideTransition(aSubject({ status: 'held' }), action, actor, NOW).ok).toBe(false);
        }
      }
      const offered = allowedActions(aSubject({ status: 'held' }), 'system', NOW);
      expect(offered.some((a) => (MONEY_ACTIONS as readonly string[]).includes(a))).toBe(false);
    });
  });

  it('never lets a finished booking move again, whoever asks', () => {
    const finished: BookingStatus[] = [
      'expired',
      'declined',
      'cancelled_by_client',
      'cancelled_by_photographer',
      'no_show',
      'delivered',
    ];
    for (const status of finished) {
      for (const actor of ['client', 'photographer', 'admin', 'system'] as const) {
        expect(allowedActions(aSubject({ status, startsAt: hours(-5) }), actor, NOW)).toEqual([]);
      }
    }
  });

  it('lists what a client may do with a confirmed booking three days ahead', () => {
    expect(allowedActions(aSubject(), 'client', NOW)).toEqual(['cancel', 'reschedule']);
  });
});

describe(blocksTime.name, () => {
  it.each<[BookingStatus, Date | null, boolean]>([
    ['held', hours(0.1), true],
    ['held', hours(-0.1), false],
    ['requested', null, true],
    ['confirmed', null, true],
    ['rescheduled', null, true],
    ['expired', null, false],
    ['cancelled_by_client', null, false],
    ['completed', null, false],
  ])('%s (hold until %s) blocks: %s', (status, holdExpiresAt, expected) => {
    expect(blocksTime(status, holdExpiresAt, NOW)).toBe(expected);
  });
});
