import fc from 'fast-check';
import { type BusyRange, computeSlots, type DayInterval, type SlotRules } from './slots';

/*
 * computeSlots does wall-clock arithmetic with zone offsets. The oracle below knows nothing of
 * offsets: it walks real time forward in 15-minute steps (every offset in these zones is a
 * multiple of 15 minutes) and asks Intl what the wall clock reads. A local time it never sees
 * does not exist; the first instant it sees a local time is that time's first occurrence.
 */
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'] as const;
const STEP = 15 * 60_000;
const DAY = 86_400_000;

// Windows that contain a DST change in at least one of the zones, plus ordinary weeks.
const WINDOW_STARTS = [
  '2025-03-06', // New York springs forward on 9 March
  '2025-03-27', // Berlin springs forward on 30 March
  '2025-04-03', // Sydney falls back on 6 April
  '2025-10-02', // Sydney springs forward on 5 October
  '2025-10-23', // Berlin falls back on 26 October
  '2025-10-30', // New York falls back on 2 November
  '2026-03-05',
  '2025-07-14',
].map((date) => Date.parse(`${date}T00:00:00Z`));

interface WallReading {
  instant: number;
  date: string;
  minute: number;
}

function wallClock(zone: string, from: number, to: number): WallReading[] {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const readings: WallReading[] = [];
  for (let instant = from; instant < to; instant += STEP) {
    const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    readings.push({
      instant,
      date: `${part.year}-${part.month}-${part.day}`,
      minute: Number(part.hour) * 60 + Number(part.minute),
    });
  }
  return readings;
}

function oracle(
  rules: SlotRules,
  request: { durationMinutes: number; from: Date; to: Date; now: Date; busy: BusyRange[] },
): string[] {
  const from = request.from.getTime();
  const to = request.to.getTime();
  const readings = wallClock(rules.timeZone, from - 3 * DAY, to + 3 * DAY);
  const key = (date: string, minute: number) => `${date} ${String(minute).padStart(4, '0')}`;
  const firstSeen = new Map<string, number>();
  for (const reading of readings) {
    const k = key(reading.date, reading.minute);
    if (!firstSeen.has(k)) firstSeen.set(k, reading.instant);
  }
  // The first instant whose wall reading is at or after (date, minute), as a person would see it.
  const boundary = (date: string, minute: number) => {
    const target = minute >= 1440 ? key(nextDate(date), minute - 1440) : key(date, minute);
    return readings.find((r) => key(r.date, r.minute) >= target)!.instant;
  };
  const hoursOn = (date: string): DayInterval[] => {
    if (rules.daysOff.some((off) => off.startDate <= date && date <= off.endDate)) return [];
    const override = rules.overrides.find((o) => o.date === date);
    if (override) return override.intervals;
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    return rules.weekly.filter((w) => w.weekday === weekday);
  };

  const result: number[] = [];
  const dates = [...new Set(readings.map((r) => r.date))];
  for (const date of dates.slice(1, -1)) {
    for (const interval of hoursOn(date)) {
      const windowEnd = boundary(date, interval.endMinute);
      for (let m = interval.startMinute; m < interval.endMinute; m += rules.stepMinutes) {
        const start = firstSeen.get(key(date, m));
        if (start === undefined) continue;
        const end = start + request.durationMinutes * 60_000;
        const ok =
          end <= windowEnd &&
          start >= from &&
          start < to &&
          start >= request.now.getTime() + rules.minNoticeMinutes * 60_000 &&
          start <= request.now.getTime() + rules.horizonDays * DAY &&
          request.busy.every(
            (b) =>
              b.until.getTime() <= start - rules.bufferBeforeMinutes * 60_000 ||
              b.from.getTime() >= end + rules.bufferAfterMinutes * 60_000,
          );
        if (ok) result.push(start);
      }
    }
  }
  return [...new Set(result)].sort((a, b) => a - b).map((t) => new Date(t).toISOString());
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

const quarter = (min: number, max: number) =>
  fc.integer({ min: min / 15, max: max / 15 }).map((n) => n * 15);

/** Non-overlapping intervals on one day, often around 00:00–04:00 where clocks change. */
const dayIntervals = fc
  .uniqueArray(quarter(0, 1440), { minLength: 0, maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const intervals: DayInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push({ startMinute: sorted[i]!, endMinute: sorted[i + 1]! });
    }
    return intervals;
  });

const rulesAndRequest = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    windowStart: fc.constantFrom(...WINDOW_STARTS),
    days: fc.integer({ min: 1, max: 9 }),
    offsetHours: fc.integer({ min: -12, max: 12 }),
    weekly: fc.array(dayIntervals, { minLength: 7, maxLength: 7 }),
    nightShift: fc.boolean(),
    step: fc.constantFrom(15, 30, 45, 60, 90),
    duration: quarter(15, 240),
    before: quarter(0, 60),
    after: quarter(0, 60),
    minNotice: quarter(0, 48 * 60),
    horizonDays: fc.integer({ min: 1, max: 30 }),
    nowShiftHours: fc.integer({ min: -72, max: 72 }),
    busy: fc.array(fc.record({ startHours: quarter(0, 9 * 24 * 60), length: quarter(15, 300) }), {
      maxLength: 8,
    }),
    dayOff: fc.option(fc.integer({ min: 0, max: 8 })),
    override: fc.option(
      fc.record({ day: fc.integer({ min: 0, max: 8 }), intervals: dayIntervals }),
    ),
  })
  .map((p) => {
    const from = new Date(p.windowStart + p.offsetHours * 3_600_000);
    const to = new Date(from.getTime() + p.days * DAY);
    const dateAt = (day: number) => new Date(p.windowStart + day * DAY).toISOString().slice(0, 10);
    // Night shifts put hours right where the clocks change (01:00–04:00 local).
    const weekly = p.weekly.flatMap((intervals, index) =>
      (p.nightShift && index % 2 === 0 ? [{ startMinute: 60, endMinute: 240 }] : intervals).map(
        (interval) => ({ ...interval, weekday: index + 1 }),
      ),
    );
    const rules: SlotRules = {
      timeZone: p.zone,
      weekly,
      overrides: p.override
        ? [{ date: dateAt(p.override.day), intervals: p.override.intervals }]
        : [],
      daysOff:
        p.dayOff === null ? [] : [{ startDate: dateAt(p.dayOff), endDate: dateAt(p.dayOff) }],
      bufferBeforeMinutes: p.before,
      bufferAfterMinutes: p.after,
      minNoticeMinutes: p.minNotice,
      horizonDays: p.horizonDays,
      stepMinutes: p.step,
    };
    const busy = p.busy.map((b) => {
      const start = p.windowStart - DAY + b.startHours * 60_000;
      return { from: new Date(start), until: new Date(start + b.length * 60_000) };
    });
    const now = new Date(p.windowStart + p.nowShiftHours * 3_600_000);
    return { rules, request: { durationMinutes: p.duration, from, to, now, busy } };
  });

describe('computeSlots against a brute-force wall-clock oracle', () => {
  it('agrees on every generated schedule, across DST changes in four zones', () => {
    fc.assert(
      fc.property(rulesAndRequest, ({ rules, request }) => {
        const actual = computeSlots(rules, request).map((d) => d.toISOString());
        expect(actual).toEqual(oracle(rules, request));
      }),
      { numRuns: 400 },
    );
  });

  it('never offers a start whose wall time differs from a rule grid time', () => {
    fc.assert(
      fc.property(rulesAndRequest, ({ rules, request }) => {
        const readings = new Intl.DateTimeFormat('en-GB', {
          timeZone: rules.timeZone,
          hourCycle: 'h23',
          hour: '2-digit',
          minute: '2-digit',
        });
        const gridMinutes = new Set(
          [...rules.weekly, ...rules.overrides.flatMap((o) => o.intervals)].flatMap((i) => {
            const minutes: number[] = [];
            for (let m = i.startMinute; m < i.endMinute; m += rules.stepMinutes) minutes.push(m);
            return minutes;
          }),
        );
        for (const start of computeSlots(rules, request)) {
          const [h, m] = readings.format(start).split(':').map(Number);
          expect(gridMinutes.has(h! * 60 + m!)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
