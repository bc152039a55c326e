import { decideFairUse } from './fair-use';

const now = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const limits = { perHour: 3, inFlight: 2 };

describe(decideFairUse.name, () => {
  it.each([
    ['nothing yet', [], 0, { allowed: true }],
    ['under both limits', [minutesAgo(50), minutesAgo(10)], 1, { allowed: true }],
    [
      'requests older than an hour no longer count',
      [minutesAgo(90), minutesAgo(61), minutesAgo(30), minutesAgo(5)],
      0,
      { allowed: true },
    ],
    [
      'the hour is full: retry when its oldest request ages out',
      [minutesAgo(45), minutesAgo(30), minutesAgo(5)],
      0,
      { allowed: false, limit: 'per_hour', retryAfterSeconds: 15 * 60 },
    ],
    [
      'the hour is full and drafts are waiting: the hourly limit is said',
      [minutesAgo(59), minutesAgo(30), minutesAgo(5)],
      2,
      { allowed: false, limit: 'per_hour', retryAfterSeconds: 60 },
    ],
    [
      'too many waiting at once',
      [minutesAgo(5), minutesAgo(1)],
      2,
      { allowed: false, limit: 'in_flight' },
    ],
  ])('%s', (_name, recent, inFlight, expected) => {
    expect(decideFairUse(limits, { recent, inFlight }, now)).toEqual(expected);
  });

  it('with more requests than the limit (a lowered limit), waits for enough to age out', () => {
    const recent = [minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(20), minutesAgo(10)];
    // Five in the hour against a limit of three: three must age out, the third at +30 min.
    expect(decideFairUse(limits, { recent, inFlight: 0 }, now)).toEqual({
      allowed: false,
      limit: 'per_hour',
      retryAfterSeconds: 30 * 60,
    });
  });
});
