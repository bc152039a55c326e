import fc from 'fast-check';
import { DateTime } from 'luxon';
import { busyRanges } from './busy-time';

/*
 * Recurring events around DST changes against a brute-force oracle that knows nothing of ical.js
 * or of the engine's offset arithmetic: it walks the event's local calendar day by day, applies
 * the rule by hand, keeps the wall-clock time, and asks luxon which instant that wall time is
 * (the first of two when the clock repeats it; moved forward by the gap when the clock skips it,
 * as RFC 5545 §3.3.5 says).
 */
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney'] as const;
type Zone = (typeof ZONES)[number];
const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

// A few weeks before each 2025–2026 change in these zones.
const BASE_DATES = ['2025-03-01', '2025-03-20', '2025-09-25', '2025-10-15', '2026-03-01'];

/** The file's own definitions, for the runs that carry a VTIMEZONE (current rules only). */
const VTIMEZONES: Record<Zone, string[]> = {
  'Europe/Berlin': vtimezone(
    'Europe/Berlin',
    ['+0100', '+0200'],
    ['19700329T020000', '3', '-1SU'],
    ['19701025T030000', '10', '-1SU'],
  ),
  'America/New_York': vtimezone(
    'America/New_York',
    ['-0500', '-0400'],
    ['20070311T020000', '3', '2SU'],
    ['20071104T020000', '11', '1SU'],
  ),
  'Australia/Sydney': vtimezone(
    'Australia/Sydney',
    ['+1000', '+1100'],
    ['20081005T020000', '10', '1SU'],
    ['20080406T030000', '4', '1SU'],
  ),
};

function vtimezone(
  tzid: string,
  [standard, daylight]: [string, string],
  [dstStart, dstMonth, dstDay]: string[],
  [stdStart, stdMonth, stdDay]: string[],
): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:DAYLIGHT',
    `TZOFFSETFROM:${standard}`,
    `TZOFFSETTO:${daylight}`,
    `DTSTART:${dstStart}`,
    `RRULE:FREQ=YEARLY;BYMONTH=${dstMonth};BYDAY=${dstDay}`,
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${daylight}`,
    `TZOFFSETTO:${standard}`,
    `DTSTART:${stdStart}`,
    `RRULE:FREQ=YEARLY;BYMONTH=${stdMonth};BYDAY=${stdDay}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

interface Series {
  zone: Zone;
  withVtimezone: boolean;
  startDate: string;
  minuteOfDay: number;
  durationMinutes: number;
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  /** ISO weekdays (1–7) besides the start's own. */
  extraWeekdays: number[];
  end: { count: number } | { untilDays: number };
  exdateDays: number[];
  override?: { day: number; shiftMinutes: number; durationMinutes: number; cancelled: boolean };
}

const aSeries: fc.Arbitrary<Series> = fc.record(
  {
    zone: fc.constantFrom(...ZONES),
    withVtimezone: fc.boolean(),
    startDate: fc
      .tuple(fc.constantFrom(...BASE_DATES), fc.integer({ min: 0, max: 20 }))
      .map(([base, days]) => DateTime.fromISO(base, { zone: 'utc' }).plus({ days }).toISODate()!),
    // Quarter hours, so 02:00–03:00 (skipped or repeated somewhere) comes up often.
    minuteOfDay: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
    durationMinutes: fc.integer({ min: 15, max: 180 }),
    freq: fc.constantFrom('DAILY' as const, 'WEEKLY' as const),
    interval: fc.integer({ min: 1, max: 3 }),
    extraWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
    end: fc.oneof(
      fc.record({ count: fc.integer({ min: 1, max: 25 }) }),
      fc.record({ untilDays: fc.integer({ min: 0, max: 60 }) }),
    ),
    exdateDays: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
    override: fc.option(
      fc.record({
        day: fc.integer({ min: 0, max: 30 }),
        shiftMinutes: fc.integer({ min: -1800, max: 1800 }),
        durationMinutes: fc.integer({ min: 15, max: 120 }),
        cancelled: fc.boolean(),
      }),
      { nil: undefined },
    ),
  },
  {
    requiredKeys: [
      'zone',
      'withVtimezone',
      'startDate',
      'minuteOfDay',
      'durationMinutes',
      'freq',
      'interval',
      'extraWeekdays',
      'end',
      'exdateDays',
    ],
  },
);

/** Local wall time on `date` plus `days`, as the iCalendar basic format. */
function localStamp(series: Series, days: number): string {
  const date = DateTime.fromISO(series.startDate, { zone: 'utc' }).plus({ days });
  const hh = String(Math.floor(series.minuteOfDay / 60)).padStart(2, '0');
  const mm = String(series.minuteOfDay % 60).padStart(2, '0');
  return `${date.toFormat('yyyyMMdd')}T${hh}${mm}00`;
}

/** The oracle's reading of a local wall time: first occurrence; skipped times move forward. */
function wallToInstant(zone: string, date: string, minuteOfDay: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wanted = { year, month, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
  const luxon = DateTime.fromObject(wanted, { zone }); // gap: moved forward by the gap
  const reads = (instant: number) => {
    const local = DateTime.fromMillis(instant, { zone });
    return (
      local.toFormat('yyyy-MM-dd HH:mm') ===
      DateTime.fromObject(wanted, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm')
    );
  };
  const earlier = luxon.toMillis() - HOUR;
  return reads(earlier) ? earlier : luxon.toMillis();
}

function oracle(series: Series, window: { from: number; until: number }): string[] {
  const start = DateTime.fromISO(series.startDate, { zone: 'utc' });
  const weekdays = new Set([start.weekday, ...series.extraWeekdays]);
  const until =
    'untilDays' in series.end
      ? wallToInstant(
          series.zone,
          start.plus({ days: series.end.untilDays }).toISODate()!,
          series.minuteOfDay,
        )
      : Infinity;
  const duration = series.durationMinutes * 60_000;
  const ranges: [number, number][] = [];
  let generated = 0;
  const overrideId =
    series.override &&
    wallToInstant(
      series.zone,
      start.plus({ days: series.override.day }).toISODate()!,
      series.minuteOfDay,
    );
  for (let days = 0; days < 120; days += 1) {
    const date = start.plus({ days });
    const onRule =
      series.freq === 'DAILY'
        ? days % series.interval === 0
        : weekdays.has(date.weekday) &&
          Math.floor((days + start.weekday - 1) / 7) % series.interval === 0;
    if (!onRule) continue;
    const instant = wallToInstant(series.zone, date.toISODate()!, series.minuteOfDay);
    if (instant > until) break;
    if ('count' in series.end && generated >= series.end.count) break;
    generated += 1;
    if (series.exdateDays.includes(days) || instant === overrideId) continue;
    ranges.push([instant, instant + duration]);
  }
  if (series.override && !series.override.cancelled) {
    const moved = overrideId! + series.override.shiftMinutes * 60_000;
    ranges.push([moved, moved + series.override.durationMinutes * 60_000]);
  }
  return mergeToStrings(ranges.filter(([from, to]) => from < window.until && to > window.from));
}

function mergeToStrings(ranges: [number, number][]): string[] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(
    ([from, to]) => `${new Date(from).toISOString()}/${new Date(to).toISOString()}`,
  );
}

function icsOf(series: Series): string {
  const tz = `TZID=${series.zone}`;
  const rule = [
    `FREQ=${series.freq}`,
    `INTERVAL=${series.interval}`,
    ...(series.freq === 'WEEKLY'
      ? [
          `BYDAY=${[...new Set([DateTime.fromISO(series.startDate).weekday, ...series.extraWeekdays])].map((d) => WEEKDAYS[d - 1]).join(',')}`,
        ]
      : []),
    'count' in series.end
      ? `COUNT=${series.end.count}`
      : `UNTIL=${DateTime.fromMillis(wallToInstant(series.zone, DateTime.fromISO(series.startDate, { zone: 'utc' }).plus({ days: series.end.untilDays }).toISODate()!, series.minuteOfDay), { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`,
  ].join(';');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//property//EN',
    ...(series.withVtimezone ? VTIMEZONES[series.zone] : []),
    'BEGIN:VEVENT',
    'UID:series@test',
    'DTSTAMP:20250101T000000Z',
    `DTSTART;${tz}:${localStamp(series, 0)}`,
    `DURATION:PT${series.durationMinutes}M`,
    `RRULE:${rule}`,
    ...series.exdateDays.map((days) => `EXDATE;${tz}:${localStamp(series, days)}`),
    'END:VEVENT',
  ];
  if (series.override) {
    const id = wallToInstant(
      series.zone,
      DateTime.fromISO(series.startDate, { zone: 'utc' })
        .plus({ days: series.override.day })
        .toISODate()!,
      series.minuteOfDay,
    );
    const utc = (ms: number) =>
      DateTime.fromMillis(ms, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
    const moved = id + series.override.shiftMinutes * 60_000;
    lines.push(
      'BEGIN:VEVENT',
      'UID:series@test',
      'DTSTAMP:20250101T000000Z',
      `RECURRENCE-ID;${tz}:${localStamp(series, series.override.day)}`,
      `DTSTART:${utc(moved)}`,
      `DTEND:${utc(moved + series.override.durationMinutes * 60_000)}`,
      ...(series.override.cancelled ? ['STATUS:CANCELLED'] : []),
      'END:VEVENT',
    );
  }
  return [...lines, 'END:VCALENDAR', ''].join('\r\n');
}

describe('busy time of recurring events across DST changes', () => {
  it('matches a day-by-day oracle', () => {
    fc.assert(
      fc.property(aSeries, fc.integer({ min: -5, max: 30 }), (series, windowOffset) => {
        const from = Date.parse(`${series.startDate}T00:00:00Z`) + windowOffset * DAY;
        const window = { from, until: from + 31 * DAY };
        const result = busyRanges(
          icsOf(series),
          { from: new Date(from), until: new Date(window.until) },
          'Europe/Berlin',
        );
        expect(result.skipped).toEqual([]);
        expect(
          result.ranges.map((r) => `${r.from.toISOString()}/${r.until.toISOString()}`),
        ).toEqual(oracle(series, window));
      }),
      { numRuns: 300 },
    );
  });
});
