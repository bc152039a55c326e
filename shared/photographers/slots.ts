import { datesBetween, isoWeekday, type LocalDate, ZoneClock } from './local-time';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Minutes after local midnight; `endMinute` may be 1440 (the next midnight). */
export interface DayInterval {
  startMinute: number;
  endMinute: number;
}

/** Working hours on one ISO weekday (Monday 1 … Sunday 7), in the photographer's zone. */
export interface WeeklyInterval extends DayInterval {
  weekday: number;
}

/** Hours that replace the weekly ones on one local date; no intervals means closed. */
export interface DateOverride {
  date: LocalDate;
  intervals: DayInterval[];
}

/** Whole local days off, both ends included. Wins over everything else. */
export interface DaysOff {
  startDate: LocalDate;
  endDate: LocalDate;
}

/** A range already taken by an active booking, buffers included. */
export interface BusyRange {
  from: Date;
  until: Date;
}

export interface SlotRules {
  timeZone: string;
  weekly: readonly WeeklyInterval[];
  overrides: readonly DateOverride[];
  daysOff: readonly DaysOff[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  stepMinutes: number;
}

export interface SlotRequest {
  durationMinutes: number;
  /** Offer starts in [from, to). */
  from: Date;
  to: Date;
  now: Date;
  busy: readonly BusyRange[];
}

/**
 * The UTC instants at which a session of `durationMinutes` may start (docs/design.md §5).
 *
 * Starts sit on the local grid `interval start + k × step` of each local date's hours. A grid
 * time the clock skips (spring forward) is no slot; one it repeats (fall back) is offered once,
 * at its first occurrence. The session must end by the interval's end as measured in real time,
 * so a 09:00–17:00 rule is 09:00–17:00 local on both sides of a change. Buffers only keep
 * bookings apart: `[start − before, end + after)` must miss every busy range — the same range
 * the database refuses to let two active bookings share.
 */
export function computeSlots(rules: SlotRules, request: SlotRequest): Date[] {
  const clock = new ZoneClock(rules.timeZone);
  const duration = request.durationMinutes * MINUTE;
  const earliest = Math.max(
    request.from.getTime(),
    request.now.getTime() + rules.minNoticeMinutes * MINUTE,
  );
  const latest = Math.min(
    request.to.getTime() - 1,
    request.now.getTime() + rules.horizonDays * DAY,
  );
  if (earliest > latest) return [];

  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const isFree = freeRangeCheck(request.busy);
  const blocks = (start: number) => [start - before, start + duration + after] as const;

  const starts = new Set<number>();
  // A local date's hours can start up to a day before `earliest` in UTC terms, and end after it.
  const firstDate = clock.localAt(earliest - DAY).date;
  const lastDate = clock.localAt(latest + DAY).date;
  for (const date of datesBetween(firstDate, lastDate)) {
    for (const interval of intervalsOn(rules, date)) {
      const windowEnd = clock.boundaryAt(date, interval.endMinute);
      for (
        let minute = interval.startMinute;
        minute < interval.endMinute;
        minute += rules.stepMinutes
      ) {
        const start = clock.firstInstantAt(date, minute);
        if (start === null || start < earliest || start > latest) continue;
        if (start + duration > windowEnd) continue;
        if (isFree(...blocks(start))) starts.add(start);
      }
    }
  }
  return [...starts].sort((a, b) => a - b).map((start) => new Date(start));
}

/** The hours that apply on a local date: days off, else an override, else the weekly rule. */
export function intervalsOn(
  rules: Pick<SlotRules, 'weekly' | 'overrides' | 'daysOff'>,
  date: LocalDate,
): DayInterval[] {
  if (rules.daysOff.some((off) => off.startDate <= date && date <= off.endDate)) return [];
  const override = rules.overrides.find((candidate) => candidate.date === date);
  if (override) return override.intervals;
  const weekday = isoWeekday(date);
  return rules.weekly.filter((interval) => interval.weekday === weekday);
}

/** The range a booking blocks: the session plus the photographer's buffers. */
export function blockedRange(
  startsAt: Date,
  durationMinutes: number,
  buffers: { bufferBeforeMinutes: number; bufferAfterMinutes: number },
): { startsAt: Date; endsAt: Date; blockedFrom: Date; blockedUntil: Date } {
  const start = startsAt.getTime();
  const end = start + durationMinutes * MINUTE;
  return {
    startsAt: new Date(start),
    endsAt: new Date(end),
    blockedFrom: new Date(start - buffers.bufferBeforeMinutes * MINUTE),
    blockedUntil: new Date(end + buffers.bufferAfterMinutes * MINUTE),
  };
}

/**
 * A test for "does [from, until) miss every busy range?" in O(log n): ranges sorted by start,
 * with the running maximum of their ends, so overlapping busy ranges are handled too.
 */
function freeRangeCheck(busy: readonly BusyRange[]): (from: number, until: number) => boolean {
  const sorted = busy
    .map((range) => [range.from.getTime(), range.until.getTime()] as const)
    .sort((a, b) => a[0] - b[0]);
  const starts = sorted.map(([start]) => start);
  const maxEnd: number[] = [];
  sorted.forEach(([, end], i) => maxEnd.push(Math.max(end, maxEnd[i - 1] ?? -Infinity)));
  return (from, until) => {
    // The last busy range that starts before `until`; any overlap ends after `from`.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < until) low = mid + 1;
      else high = mid;
    }
    return low === 0 || maxEnd[low - 1]! <= from;
  };
}
