import { deliveryPromise } from './delivery-promise';

const HOUR = 3_600_000;

function aPromise(overrides: Partial<Parameters<typeof deliveryPromise>[0]> = {}) {
  return deliveryPromise({
    sessionStartsAt: new Date('2030-03-25T08:00:00Z'), // 09:00 in Berlin (CET)
    deliveryDays: 5,
    timeZone: 'Europe/Berlin',
    deliveredAt: null,
    now: new Date('2030-03-26T12:00:00Z'),
    ...overrides,
  });
}

describe('deliveryPromise', () => {
  it('is the session date in the studio zone plus the delivery days, due at the end of that day', () => {
    const promise = aPromise();
    expect(promise.dueDate).toBe('2030-03-30');
    // Summer time starts on 31 March 2030, so 30 March still ends at 23:59 CET (+01:00).
    expect(promise.dueAt).toBe('2030-03-30T22:59:59.999Z');
    expect(promise.timeZone).toBe('Europe/Berlin');
  });

  it('counts calendar days across the DST change (the day still ends at 23:59 local, now +02:00)', () => {
    const promise = aPromise({ deliveryDays: 7 });
    expect(promise.dueDate).toBe('2030-04-01');
    expect(promise.dueAt).toBe('2030-04-01T21:59:59.999Z');
  });

  it('uses the local date, not the UTC date, of a late-evening session', () => {
    // 23:30 in Los Angeles on 1 June is already 2 June in UTC.
    const promise = aPromise({
      sessionStartsAt: new Date('2030-06-02T06:30:00Z'),
      timeZone: 'America/Los_Angeles',
      deliveryDays: 1,
      now: new Date('2030-06-02T07:00:00Z'),
    });
    expect(promise.dueDate).toBe('2030-06-02');
  });

  it.each([
    ['on track with days to spare', new Date('2030-03-26T12:00:00Z'), null, 'on_track'],
    [
      'due soon within 48 hours of the end of the day',
      new Date('2030-03-29T12:00:00Z'),
      null,
      'due_soon',
    ],
    ['overdue once the day has ended', new Date('2030-03-31T00:00:00Z'), null, 'overdue'],
    [
      'delivered on time',
      new Date('2030-04-02T00:00:00Z'),
      new Date('2030-03-30T20:00:00Z'),
      'delivered',
    ],
    [
      'delivered late',
      new Date('2030-04-02T00:00:00Z'),
      new Date('2030-03-31T09:00:00Z'),
      'delivered_late',
    ],
  ] as const)('is %s', (_, now, deliveredAt, flag) => {
    expect(aPromise({ now, deliveredAt }).flag).toBe(flag);
  });

  it('turns due soon exactly 48 hours before the deadline', () => {
    const dueAt = Date.parse(aPromise().dueAt);
    expect(aPromise({ now: new Date(dueAt - 48 * HOUR - 1) }).flag).toBe('on_track');
    expect(aPromise({ now: new Date(dueAt - 48 * HOUR) }).flag).toBe('due_soon');
  });
});
