import { type AuditFact, emailsForEvent, remindersFor, type ReminderCandidate } from './email-plan';

const HOUR = 3_600_000;
const BOOKING = '6f1d1c8e-0000-4000-8000-000000000001';

function anEvent(overrides: Partial<AuditFact> = {}): AuditFact {
  return {
    id: 'e1',
    subjectType: 'booking',
    subjectId: BOOKING,
    action: 'confirm',
    fromStatus: 'held',
    toStatus: 'confirmed',
    ...overrides,
  };
}

function aBooking(overrides: Partial<ReminderCandidate> = {}): ReminderCandidate {
  const now = Date.parse('2030-05-13T10:00:00Z');
  return {
    id: BOOKING,
    status: 'confirmed',
    startsAt: new Date(now + 20 * HOUR),
    createdAt: new Date(now - 10 * 24 * HOUR),
    ...overrides,
  };
}
const NOW = new Date('2030-05-13T10:00:00Z');

describe('emailsForEvent', () => {
  it.each([
    [
      { action: 'confirm', toStatus: 'confirmed' },
      ['booking_confirmed:client', 'booking_confirmed:photographer'],
    ],
    [
      { action: 'approve', toStatus: 'confirmed' },
      ['booking_confirmed:client', 'booking_confirmed:photographer'],
    ],
    [{ action: 'confirm', toStatus: 'requested' }, ['booking_requested:photographer']],
    [
      { action: 'decline', fromStatus: 'requested', toStatus: 'declined' },
      ['booking_declined:client'],
    ],
    [
      { action: 'cancel', fromStatus: 'confirmed', toStatus: 'cancelled_by_client' },
      ['booking_cancelled:client', 'booking_cancelled:photographer'],
    ],
    [
      { action: 'cancel', fromStatus: 'requested', toStatus: 'cancelled_by_client' },
      ['booking_cancelled:client', 'booking_cancelled:photographer'],
    ],
    // A released hold was never a booking: nobody is told it was cancelled.
    [{ action: 'cancel', fromStatus: 'held', toStatus: 'cancelled_by_client' }, []],
    [
      { action: 'deliver', toStatus: 'delivered' },
      ['finals_delivered:client', 'review_request:client'],
    ],
    [{ action: 'expire', toStatus: 'expired' }, []],
    // An event of the photographer's own calendar over the booking: only they are told.
    [
      { action: 'calendar_conflict', fromStatus: 'confirmed', toStatus: 'confirmed' },
      ['calendar_conflict:photographer'],
    ],
    [
      { subjectType: 'gallery', action: 'publish_proofs', toStatus: 'proofs_ready' },
      ['proofs_ready:client'],
    ],
    [
      { subjectType: 'gallery', action: 'submit_selection', toStatus: 'selection_submitted' },
      ['selection_submitted:photographer'],
    ],
    [
      { subjectType: 'gallery', action: 'post_review', toStatus: 'reviewed' },
      ['review_posted:photographer'],
    ],
    [{ subjectType: 'payment', action: 'charge', toStatus: 'succeeded' }, []],
  ])('%o → %o', (change, expected) => {
    const planned = emailsForEvent(anEvent(change));
    expect(planned.map((p) => `${p.kind}:${p.to}`)).toEqual(expected);
  });

  it('gives the same event the same keys every time (so a re-run sends nothing new)', () => {
    expect(emailsForEvent(anEvent())).toEqual(emailsForEvent(anEvent()));
    expect(emailsForEvent(anEvent())[0]!.dedupeKey).toBe(`${BOOKING}:booking_confirmed:client`);
  });

  it('keys each reschedule by its event, so a second move is announced too', () => {
    const first = emailsForEvent(
      anEvent({ id: 'e1', action: 'reschedule', toStatus: 'rescheduled' }),
    );
    const second = emailsForEvent(
      anEvent({ id: 'e2', action: 'reschedule', toStatus: 'rescheduled' }),
    );
    expect(first[0]!.dedupeKey).not.toBe(second[0]!.dedupeKey);
  });
});

describe('remindersFor', () => {
  it('reminds both people once the session is less than 24 hours away', () => {
    expect(remindersFor(aBooking(), NOW).map((p) => p.to)).toEqual(['client', 'photographer']);
  });

  it.each([
    ['more than 24 hours away', { startsAt: new Date(NOW.getTime() + 25 * HOUR) }],
    ['already started', { startsAt: new Date(NOW.getTime() - HOUR) }],
    ['cancelled', { status: 'cancelled_by_client' }],
    ['booked within the last day before the start', { createdAt: new Date(NOW.getTime() - HOUR) }],
  ])('stays quiet when the session is %s', (_, change) => {
    expect(remindersFor(aBooking(change), NOW)).toEqual([]);
  });

  it('keys the reminder by the start time, so a moved session is reminded again', () => {
    const before = remindersFor(aBooking(), NOW)[0]!.dedupeKey;
    const moved = remindersFor(
      aBooking({ startsAt: new Date(NOW.getTime() + 21 * HOUR) }),
      NOW,
    )[0]!;
    expect(moved.dedupeKey).not.toBe(before);
  });
});
