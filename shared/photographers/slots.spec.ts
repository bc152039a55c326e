import { aSlotRequest, aSlotRules } from './slot-rules.factory';
import { blockedRange, computeSlots } from './slots';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const everyDay = (startMinute: number, endMinute: number) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute, endMinute }));

describe(computeSlots.name, () => {
  it('offers hourly starts inside working hours, converted to UTC (Berlin summer, +02:00)', () => {
    const slots = computeSlots(aSlotRules(), aSlotRequest());
    expect(iso(slots)).toEqual([
      '2025-06-02T07:00:00.000Z',
      '2025-06-02T08:00:00.000Z',
      '2025-06-02T09:00:00.000Z',
      '2025-06-02T10:00:00.000Z',
      '2025-06-02T11:00:00.000Z',
      '2025-06-02T12:00:00.000Z',
      '2025-06-02T13:00:00.000Z',
      '2025-06-02T14:00:00.000Z',
    ]);
  });

  it('needs the whole session inside the hours: a 90-minute session cannot start at 16:00', () => {
    const slots = computeSlots(aSlotRules(), aSlotRequest({ durationMinutes: 90 }));
    expect(iso(slots).at(-1)).toBe('2025-06-02T13:00:00.000Z'); // 15:00 local
  });

  it('supports several intervals a day (a lunch break)', () => {
    const rules = aSlotRules({
      weekly: [
        { weekday: 1, startMinute: 540, endMinute: 720 },
        { weekday: 1, startMinute: 780, endMinute: 900 },
      ],
    });
    expect(iso(computeSlots(rules, aSlotRequest()))).toEqual([
      '2025-06-02T07:00:00.000Z',
      '2025-06-02T08:00:00.000Z',
      '2025-06-02T09:00:00.000Z',
      '2025-06-02T11:00:00.000Z',
      '2025-06-02T12:00:00.000Z',
    ]);
  });

  it.each([
    [
      'a 09:00 New York rule before spring forward (EST, -05:00)',
      '2025-03-07',
      '2025-03-07T14:00:00.000Z',
    ],
    [
      'a 09:00 New York rule after spring forward (EDT, -04:00)',
      '2025-03-10',
      '2025-03-10T13:00:00.000Z',
    ],
    ['a 09:00 New York rule before fall back (EDT)', '2025-10-31', '2025-10-31T13:00:00.000Z'],
    ['a 09:00 New York rule after fall back (EST)', '2025-11-03', '2025-11-03T14:00:00.000Z'],
  ])('keeps %s at 09:00 local', (_, date, expected) => {
    const rules = aSlotRules({ timeZone: 'America/New_York', weekly: everyDay(540, 600) });
    const slots = computeSlots(
      rules,
      aSlotRequest({
        from: new Date(`${date}T00:00:00Z`),
        to: new Date(`${date}T23:59:00Z`),
        now: new Date('2025-01-01T00:00:00Z'),
      }),
    );
    expect(iso(slots)).toEqual([expected]);
  });

  it('skips wall times the clock never shows (New York, 9 March 2025, 02:00–03:00)', () => {
    const rules = aSlotRules({
      timeZone: 'America/New_York',
      weekly: everyDay(60, 240),
      stepMinutes: 30,
    });
    const slots = computeSlots(
      rules,
      aSlotRequest({
        durationMinutes: 30,
        from: new Date('2025-03-09T00:00:00Z'),
        to: new Date('2025-03-10T00:00:00Z'),
        now: new Date('2025-01-01T00:00:00Z'),
      }),
    );
    // 01:00 and 01:30 EST, then 03:00 and 03:30 EDT: 02:00 and 02:30 do not exist.
    expect(iso(slots)).toEqual([
      '2025-03-09T06:00:00.000Z',
      '2025-03-09T06:30:00.000Z',
      '2025-03-09T07:00:00.000Z',
      '2025-03-09T07:30:00.000Z',
    ]);
  });

  it('offers a repeated wall time once, at its first occurrence (New York, 2 November 2025)', () => {
    const rules = aSlotRules({ timeZone: 'America/New_York', weekly: everyDay(0, 180) });
    const slots = computeSlots(
      rules,
      aSlotRequest({
        from: new Date('2025-11-02T00:00:00Z'),
        to: new Date('2025-11-03T00:00:00Z'),
        now: new Date('2025-01-01T00:00:00Z'),
      }),
    );
    // 00:00 EDT, 01:00 EDT (not again at 01:00 EST), 02:00 EST; the hours last 4 real hours.
    expect(iso(slots)).toEqual([
      '2025-11-02T04:00:00.000Z',
      '2025-11-02T05:00:00.000Z',
      '2025-11-02T07:00:00.000Z',
    ]);
  });

  it('has no DST in Kolkata: 09:00 is 03:30 UTC all year', () => {
    const rules = aSlotRules({ timeZone: 'Asia/Kolkata', weekly: everyDay(540, 600) });
    for (const date of ['2025-01-15', '2025-07-15']) {
      const slots = computeSlots(
        rules,
        aSlotRequest({
          from: new Date(`${date}T00:00:00Z`),
          to: new Date(`${date}T23:00:00Z`),
          now: new Date('2025-01-01T00:00:00Z'),
        }),
      );
      expect(iso(slots)).toEqual([`${date}T03:30:00.000Z`]);
    }
  });

  it('blocks a slot whose buffered range touches a busy range, and frees it when it only abuts', () => {
    const rules = aSlotRules({ bufferBeforeMinutes: 30, bufferAfterMinutes: 30 });
    // Busy 10:00–11:30 local (08:00–09:30Z), buffers already included.
    const busy = [
      { from: new Date('2025-06-02T08:00:00Z'), until: new Date('2025-06-02T09:30:00Z') },
    ];
    const slots = iso(computeSlots(rules, aSlotRequest({ busy })));
    expect(slots).not.toContain('2025-06-02T07:00:00.000Z'); // 09:00–10:00 + 30 min after overlaps
    expect(slots).not.toContain('2025-06-02T09:00:00.000Z');
    expect(slots).toContain('2025-06-02T10:00:00.000Z'); // 12:00 − 30 min = 11:30: abuts
  });

  it('respects the minimum notice and the horizon', () => {
    const rules = aSlotRules({ minNoticeMinutes: 24 * 60, horizonDays: 2 });
    const slots = computeSlots(
      rules,
      aSlotRequest({
        now: new Date('2025-06-02T10:30:00Z'),
        from: new Date('2025-06-02T00:00:00Z'),
        to: new Date('2025-06-10T00:00:00Z'),
      }),
    );
    expect(iso(slots)[0]).toBe('2025-06-03T11:00:00.000Z');
    expect(iso(slots).at(-1)).toBe('2025-06-04T10:00:00.000Z');
  });

  it('closes days off and replaces hours with a date override', () => {
    const rules = aSlotRules({
      daysOff: [{ startDate: '2025-06-02', endDate: '2025-06-03' }],
      overrides: [{ date: '2025-06-04', intervals: [{ startMinute: 600, endMinute: 660 }] }],
    });
    const slots = computeSlots(
      rules,
      aSlotRequest({
        from: new Date('2025-06-02T00:00:00Z'),
        to: new Date('2025-06-05T00:00:00Z'),
      }),
    );
    expect(iso(slots)).toEqual(['2025-06-04T08:00:00.000Z']);
  });

  it('uses the step from the start of each interval', () => {
    const rules = aSlotRules({
      weekly: [{ weekday: 1, startMinute: 555, endMinute: 660 }],
      stepMinutes: 45,
    });
    expect(iso(computeSlots(rules, aSlotRequest()))).toEqual([
      '2025-06-02T07:15:00.000Z',
      '2025-06-02T08:00:00.000Z',
    ]);
  });
});

describe(blockedRange.name, () => {
  it('adds the buffers on both sides of the session', () => {
    const range = blockedRange(new Date('2025-06-02T09:00:00Z'), 60, {
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 30,
    });
    expect(range.endsAt.toISOString()).toBe('2025-06-02T10:00:00.000Z');
    expect(range.blockedFrom.toISOString()).toBe('2025-06-02T08:45:00.000Z');
    expect(range.blockedUntil.toISOString()).toBe('2025-06-02T10:30:00.000Z');
  });
});
