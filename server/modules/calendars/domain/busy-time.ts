import ICAL from 'ical.js';
import type { BusyRange } from '../../../../shared/photographers/slots';
import {
  localiseUntil,
  type EventSeries,
  type ParsedCalendar,
  parseCalendar,
} from './parse-calendar';
import { WallClock } from './wall-clock';
import { Clocks, readTime, type ZonedTime } from './zoned-time';

export type { BusyRange, ParsedCalendar };
export { parseCalendar };

export interface BusyWindow {
  from: Date;
  until: Date;
}

export interface BusyTime {
  /** Sorted, merged (touching ranges too), each overlapping the window (not clipped to it). */
  ranges: BusyRange[];
  /** One line per event (or instance) that was left out because it could not be read. */
  skipped: string[];
}

const DAY = 86_400_000;
/** A series with more instances than this before the window end is cut short (and reported). */
export const MAX_INSTANCES_PER_EVENT = 50_000;

/**
 * Busy time in `window` from one iCalendar text, for a photographer in `zone` (issue #15).
 *
 * - An event is busy unless TRANSP:TRANSPARENT or STATUS:CANCELLED (the series', or one
 *   instance's through a RECURRENCE-ID override).
 * - RRULE (COUNT/UNTIL) and RDATE are expanded by ical.js; EXDATE and overrides here. An override
 *   replaces its instance wherever it moves (even from outside the window, or when its
 *   RECURRENCE-ID names no generated instance); RANGE=THISANDFUTURE is read as that instance only.
 * - All-day (DATE) events are whole local days in the photographer's zone, DTEND exclusive, one
 *   day without DTEND or DURATION. Floating times are in the photographer's zone.
 * - TZID: the file's VTIMEZONE; without one, the IANA zone of that name; an unknown name falls
 *   back to the photographer's zone. Local times follow RFC 5545 §3.3.5 (see WallClock).
 * - A timed event with neither DTEND nor DURATION is an instant (RFC 5545 §3.6.1): it blocks no
 *   time and yields no range.
 * - A bad event is skipped with a reason; only text that is not iCalendar at all throws
 *   (`CalendarError`).
 */
export function busyRanges(icsText: string, window: BusyWindow, zone: string): BusyTime {
  return expandBusy(parseCalendar(icsText), window, zone);
}

/**
 * Expansions are remembered per parsed calendar and zone over a longer span than asked for
 * (`AHEAD`), so the slots of the next request, the next day or the next page of the picker are a
 * filter over numbers rather than another walk through ical.js.
 */
const AHEAD = 92 * DAY;
const expansions = new WeakMap<ParsedCalendar, Map<string, Expanded>>();

interface Expanded {
  from: number;
  until: number;
  ranges: [number, number][];
  skipped: string[];
  truncated: boolean;
}

/** Busy time of an already parsed calendar (the fast path: parse at sync, expand per request). */
export function expandBusy(calendar: ParsedCalendar, window: BusyWindow, zone: string): BusyTime {
  const from = window.from.getTime();
  const until = window.until.getTime();
  const byZone = expansions.get(calendar) ?? new Map<string, Expanded>();
  expansions.set(calendar, byZone);
  let expanded = byZone.get(zone);
  if (!expanded || from < expanded.from || until > expanded.until) {
    expanded = expand(calendar, from, Math.max(until, from + AHEAD), zone);
    // A runaway series hit the cap in the longer span: answer for the window alone, uncached.
    if (expanded.truncated) expanded = expand(calendar, from, until, zone);
    else byZone.set(zone, expanded);
  }
  const ranges = expanded.ranges.filter(([start, end]) => start < until && end > from);
  return {
    ranges: ranges.map(([start, end]) => ({ from: new Date(start), until: new Date(end) })),
    skipped: [...expanded.skipped],
  };
}

/** One busy event (or one instance of a series) in a window: what a sync keeps. */
export interface BusyInstance {
  from: number;
  until: number;
  uid: string;
  summary: string | null;
}

/**
 * Each busy event instance overlapping `window`, not merged (sorted by start): a sync stores
 * these so that a conflict with a booking can name the event that causes it.
 */
export function busyInstances(
  calendar: ParsedCalendar,
  window: BusyWindow,
  zone: string,
): { instances: BusyInstance[]; skipped: string[]; truncated: boolean } {
  const instances: BusyInstance[] = [];
  const { skipped, truncated } = expand(
    calendar,
    window.from.getTime(),
    window.until.getTime(),
    zone,
    instances,
  );
  instances.sort((a, b) => a.from - b.from || a.until - b.until);
  return { instances, skipped, truncated };
}

function expand(
  calendar: ParsedCalendar,
  from: number,
  until: number,
  zone: string,
  instances?: BusyInstance[],
): Expanded {
  const context: Expansion = {
    from,
    until,
    clocks: new Clocks(WallClock.iana(zone)),
    ranges: [],
    instances,
    skipped: [...calendar.skipped],
    truncated: false,
  };
  for (const series of calendar.series) {
    try {
      expandSeries(series, context);
    } catch (error) {
      context.skipped.push(`${series.uid}: ${error instanceof Error ? error.message : error}`);
    }
  }
  const { ranges, skipped, truncated } = context;
  return { from, until, ranges: merge(ranges), skipped, truncated };
}

interface Expansion {
  from: number;
  until: number;
  clocks: Clocks;
  ranges: [number, number][];
  /** Set when the caller wants each instance as well as the merged ranges. */
  instances?: BusyInstance[];
  skipped: string[];
  truncated: boolean;
}

function expandSeries(series: EventSeries, context: Expansion): void {
  const { overrides } = series;
  let master = series.master;
  // Instances of a series we were not given stand on their own.
  if (master && !isFree(master)) {
    const start = readTime(master, 'dtstart');
    if (!start) throw new Error('DTSTART is missing');
    if (series.floatingUntil) {
      master = new ICAL.Component(master.toJSON());
      localiseUntil(master, context.clocks);
    }
    // `exceptions: []`: overrides are applied here; without it ical.js scans the whole file per event.
    const event = new ICAL.Event(master, { strictExceptions: false, exceptions: [] });
    if (event.isRecurring()) expandInstances(series, event, start, context);
    else addSingle(series.uid, master, context);
  }
  for (const override of overrides) addSingle(series.uid, override, context);
}

function expandInstances(
  series: EventSeries,
  event: ICAL.Event,
  start: ZonedTime,
  context: Expansion,
): void {
  const span = spanOf(event.component, context);
  const replaced = new Set([
    ...series.overrides.map((override) => keyOf(readTime(override, 'recurrence-id')!, context)),
    ...series.exdates.map((exdate) => keyOf(exdate, context)),
  ]);
  const iterator = event.iterator(fastForward(event, start.time, context));
  let count = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    // A wall time is within 14 h of UTC: days well before the window need no zone arithmetic.
    if (dayNumber(next) < context.from - 2 * DAY && ++count <= MAX_INSTANCES_PER_EVENT) continue;
    const instance = { time: next, tzid: start.tzid };
    const instanceStart = context.clocks.instantOf(instance);
    // Slack: ical.js may order a UTC RDATE among zoned instances up to an offset off.
    if (instanceStart >= context.until + 2 * DAY) break;
    if ((count += 1) > MAX_INSTANCES_PER_EVENT) {
      context.truncated = true;
      context.skipped.push(
        `${series.uid}: more than ${MAX_INSTANCES_PER_EVENT} instances before the window end; the rest were ignored`,
      );
      break;
    }
    if (replaced.has(keyOf(instance, context, instanceStart)) || replaced.has(dateKey(next))) {
      continue;
    }
    addRange(instanceStart, endOf(instance, instanceStart, span, context), context, {
      uid: series.uid,
      vevent: event.component,
    });
  }
}

/**
 * Where to start iterating a long-running DAILY or WEEKLY series: whole rule periods (keeping
 * weekdays and INTERVAL parity) before the window, instead of its first instance years ago.
 * Not with COUNT (instances must be counted from the start) or several RRULEs. The moved start
 * itself is yielded even when the rule would not pick it, but it lies before the window.
 */
function fastForward(event: ICAL.Event, start: ICAL.Time, context: Expansion): ICAL.Time {
  const rules = event.component.getAllProperties('rrule');
  if (rules.length !== 1) return start;
  const recur = rules[0]!.getFirstValue() as ICAL.Recur;
  const periodDays = { DAILY: 1, WEEKLY: 7 }[recur.freq as string];
  if (!periodDays || recur.count) return start;
  const period = periodDays * (recur.interval || 1) * DAY;
  const periods = Math.floor((context.from - 3 * DAY - period - dayNumber(start)) / period);
  if (periods <= 0) return start;
  const moved = start.clone();
  moved.adjust((periods * period) / DAY, 0, 0, 0);
  return moved;
}

/** How long each instance lasts: whole local days for DATE events, else exact milliseconds. */
type Span = { days: number } | { ms: number };

function spanOf(vevent: ICAL.Component, context: Expansion): Span {
  const start = readTime(vevent, 'dtstart')!;
  const end = readTime(vevent, 'dtend');
  const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
  if (start.time.isDate) {
    if (end) return { days: Math.round((dayNumber(end.time) - dayNumber(start.time)) / DAY) };
    if (duration) return { days: Math.max(0, Math.round(duration.toSeconds() / 86_400)) };
    return { days: 1 };
  }
  if (end) return { ms: context.clocks.instantOf(end) - context.clocks.instantOf(start) };
  if (duration) return { ms: duration.toSeconds() * 1000 };
  return { ms: 0 };
}

function endOf(start: ZonedTime, startInstant: number, span: Span, context: Expansion): number {
  if ('ms' in span) return startInstant + span.ms;
  const end = start.time.clone();
  end.adjust(span.days, 0, 0, 0);
  return context.clocks.instantOf({ time: end, tzid: start.tzid });
}

function addSingle(uid: string, vevent: ICAL.Component, context: Expansion): void {
  if (isFree(vevent)) return;
  const start = readTime(vevent, 'dtstart');
  if (!start) throw new Error('DTSTART is missing');
  const startInstant = context.clocks.instantOf(start);
  const end = endOf(start, startInstant, spanOf(vevent, context), context);
  if (end < startInstant) {
    context.skipped.push(`${uid}: ends before it starts`);
    return;
  }
  addRange(startInstant, end, context, { uid, vevent });
}

function addRange(
  start: number,
  end: number,
  context: Expansion,
  source: { uid: string; vevent: ICAL.Component },
): void {
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new Error('a date could not be read');
  if (!(end > start && start < context.until && end > context.from)) return;
  context.ranges.push([start, end]);
  if (context.instances) {
    const summary = source.vevent.getFirstPropertyValue('summary');
    context.instances.push({
      from: start,
      until: end,
      uid: source.uid,
      summary: summary ? String(summary).slice(0, 200) : null,
    });
  }
}

function isFree(vevent: ICAL.Component): boolean {
  const transp = String(vevent.getFirstPropertyValue('transp') ?? '').toUpperCase();
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp === 'TRANSPARENT' || status === 'CANCELLED';
}

/**
 * Matches a RECURRENCE-ID or EXDATE to a generated instance: by the instant, or by the local date
 * when it is a DATE (an all-day series, or an EXDATE;VALUE=DATE on a timed one).
 */
function keyOf(zoned: ZonedTime, context: Expansion, instant?: number): string {
  if (zoned.time.isDate) return dateKey(zoned.time);
  return String(instant ?? context.clocks.instantOf(zoned));
}

function dateKey(time: ICAL.Time): string {
  return `${time.year}-${time.month}-${time.day}`;
}

function dayNumber(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day);
}

/** Sorted, with overlapping or touching ranges joined. */
function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
