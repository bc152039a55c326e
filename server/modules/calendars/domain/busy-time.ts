import ICAL from 'ical.js';
import type { BusyRange } from '../../../../shared/photographers/slots';
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { WallClock } from './wall-clock';

export type { BusyRange };

export interface BusyWindow {
  from: Date;
  until: Date;
}

export interface BusyTime {
  /** Sorted, merged, each overlapping the window (not clipped to it). */
  ranges: BusyRange[];
  /** One line per event (or instance) that was left out because it could not be read. */
  skipped: string[];
}

/** A calendar read once, to be expanded for many windows (a sync stores this, slots reuse it). */
export interface ParsedCalendar {
  readonly series: readonly EventSeries[];
  /** Events that could not be read at all. */
  readonly skipped: readonly string[];
}

interface EventSeries {
  uid: string;
  master?: ICAL.Component;
  overrides: ICAL.Component[];
}

const DAY = 86_400_000;
/** A series whose start lies this many instances before the window is cut short (and reported). */
export const MAX_INSTANCES_PER_EVENT = 50_000;

/**
 * Busy time in `window` from one iCalendar text, for a photographer in `zone` (docs issue #15).
 *
 * - An event is busy unless TRANSP:TRANSPARENT or STATUS:CANCELLED (the series' or one
 *   instance's, through a RECURRENCE-ID override).
 * - RRULE (COUNT/UNTIL), RDATE, EXDATE and overrides follow ical.js; an override replaces its
 *   instance wherever it moves (even from outside the window); RANGE=THISANDFUTURE is read as
 *   THIS instance only.
 * - All-day (DATE) events are whole local days in the photographer's zone, DTEND exclusive, one
 *   day when there is no DTEND or DURATION. Floating times are the photographer's zone.
 * - TZID uses the file's VTIMEZONE; without one, the IANA zone of that name; an unknown name
 *   falls back to the photographer's zone. UTC times are UTC.
 * - A timed event with neither DTEND nor DURATION is an instant (RFC 5545 §3.6.1): it blocks
 *   no time and yields no range.
 * - A bad event is skipped with a reason; only text that is not iCalendar at all throws.
 */
export function busyRanges(icsText: string, window: BusyWindow, zone: string): BusyTime {
  return expandBusy(parseCalendar(icsText), window, zone);
}

export function parseCalendar(icsText: string): ParsedCalendar {
  const skipped: string[] = [];
  const components = readCalendars(icsText, skipped);
  const byUid = new Map<string, EventSeries>();
  for (const calendar of components) {
    calendar.getAllSubcomponents('vevent').forEach((vevent, index) => {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? `(no UID #${index + 1})`);
      const series = byUid.get(uid) ?? { uid, overrides: [] };
      byUid.set(uid, series);
      if (vevent.hasProperty('recurrence-id')) series.overrides.push(vevent);
      else if (series.master) skipped.push(`${uid}: a second event with this UID was ignored`);
      else series.master = vevent;
    });
  }
  return { series: [...byUid.values()], skipped };
}

export function expandBusy(calendar: ParsedCalendar, window: BusyWindow, zone: string): BusyTime {
  const context: Expansion = {
    from: window.from.getTime(),
    until: window.until.getTime(),
    photographer: new WallClock(zone),
    clocks: new Map(),
    ranges: [],
    skipped: [...calendar.skipped],
  };
  for (const series of calendar.series) {
    try {
      expandSeries(series, context);
    } catch (error) {
      context.skipped.push(`${series.uid}: ${error instanceof Error ? error.message : error}`);
    }
  }
  return { ranges: merge(context.ranges), skipped: context.skipped };
}

interface Expansion {
  from: number;
  until: number;
  photographer: WallClock;
  clocks: Map<string, WallClock>;
  ranges: [number, number][];
  skipped: string[];
}

function expandSeries(series: EventSeries, context: Expansion): void {
  const { master, overrides } = series;
  if (!master) {
    // Instances of a series we were not given: each stands on its own.
    for (const override of overrides) addSingle(series.uid, override, context);
    return;
  }
  if (isFree(master)) return;
  const event = new ICAL.Event(withLocalRuleTimes(master, context), { strictExceptions: false });
  if (!event.isRecurring()) {
    addSingle(series.uid, master, context);
    return;
  }
  const start = readTime(master, 'dtstart');
  if (!start) throw new Error('DTSTART is missing');
  const span = spanOf(master, context);
  const replaced = new Set(
    overrides.map((override) => timeKey(readTime(override, 'recurrence-id')!, context)),
  );
  const iterator = event.iterator();
  let count = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    const instance = { time: next, tzid: start.tzid };
    const instanceStart = instantOf(instance, context);
    // Slack: ical.js may order UTC RDATEs among zoned instances by up to an offset off.
    if (instanceStart >= context.until + 2 * DAY) break;
    if ((count += 1) > MAX_INSTANCES_PER_EVENT) {
      context.skipped.push(
        `${series.uid}: more than ${MAX_INSTANCES_PER_EVENT} instances before the window end; the rest were ignored`,
      );
      break;
    }
    if (replaced.has(timeKey(instance, context, instanceStart))) continue;
    addRange(instanceStart, endOf(instance, instanceStart, span, context), context);
  }
  for (const override of overrides) addSingle(series.uid, override, context);
}

/**
 * ical.js compares a UTC UNTIL or EXDATE with a DTSTART whose zone it does not know (floating, or
 * an IANA TZID without VTIMEZONE) as if that DTSTART were UTC. Restate such UTC values as wall
 * times in the DTSTART's real zone, on a copy (a parsed calendar is shared between expansions).
 */
function withLocalRuleTimes(master: ICAL.Component, context: Expansion): ICAL.Component {
  const start = readTime(master, 'dtstart');
  if (!start || start.time.isDate || start.time.zone !== ICAL.Timezone.localTimezone) return master;
  const isUtc = (time: unknown) =>
    time instanceof ICAL.Time && !time.isDate && time.zone === ICAL.Timezone.utcTimezone;
  const rules = master.getAllProperties('rrule');
  const exdates = master.getAllProperties('exdate');
  if (
    !rules.some((rule) => isUtc((rule.getFirstValue() as ICAL.Recur).until)) &&
    !exdates.some((exdate) => exdate.getValues().some(isUtc))
  ) {
    return master;
  }
  const clock = clockFor(start.tzid, context);
  const local = (time: ICAL.Time) => {
    const wall = clock.wallAt(time.toUnixTime() * 1000);
    return new ICAL.Time({ ...wall, isDate: false }, ICAL.Timezone.localTimezone);
  };
  const copy = new ICAL.Component(master.toJSON());
  for (const rule of copy.getAllProperties('rrule')) {
    const recur = rule.getFirstValue() as ICAL.Recur;
    if (isUtc(recur.until)) recur.until = local(recur.until!);
  }
  for (const exdate of copy.getAllProperties('exdate')) {
    exdate.setValues(
      exdate.getValues().map((time) => (isUtc(time) ? local(time as ICAL.Time) : time)),
    );
  }
  return copy;
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
  if (end) return { ms: instantOf(end, context) - instantOf(start, context) };
  if (duration) return { ms: duration.toSeconds() * 1000 };
  return { ms: 0 };
}

function endOf(start: ZonedTime, startInstant: number, span: Span, context: Expansion): number {
  if ('ms' in span) return startInstant + span.ms;
  const end = start.time.clone();
  end.adjust(span.days, 0, 0, 0);
  return instantOf({ time: end, tzid: start.tzid }, context);
}

function addSingle(uid: string, vevent: ICAL.Component, context: Expansion): void {
  if (isFree(vevent)) return;
  const start = readTime(vevent, 'dtstart');
  if (!start) throw new Error('DTSTART is missing');
  const startInstant = instantOf(start, context);
  const end = endOf(start, startInstant, spanOf(vevent, context), context);
  if (!Number.isFinite(startInstant) || !Number.isFinite(end)) {
    throw new Error('a date could not be read');
  }
  if (end < startInstant) {
    context.skipped.push(`${uid}: ends before it starts`);
    return;
  }
  addRange(startInstant, end, context);
}

function addRange(start: number, end: number, context: Expansion): void {
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new Error('a date could not be read');
  if (end > start && start < context.until && end > context.from) context.ranges.push([start, end]);
}

function isFree(vevent: ICAL.Component): boolean {
  const transp = String(vevent.getFirstPropertyValue('transp') ?? '').toUpperCase();
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp === 'TRANSPARENT' || status === 'CANCELLED';
}

/** An ical.js time with the TZID its property named (ical.js forgets a TZID the file does not define). */
interface ZonedTime {
  time: ICAL.Time;
  tzid?: string;
}

function readTime(vevent: ICAL.Component, name: string): ZonedTime | null {
  const property = vevent.getFirstProperty(name);
  const time = property?.getFirstValue() as ICAL.Time | null | undefined;
  if (!property || !time) return null;
  if (!(time instanceof ICAL.Time) || Number.isNaN(time.year)) {
    throw new Error(`${name.toUpperCase()} is not a date or date-time`);
  }
  const tzid = property.getParameter('tzid');
  return { time, tzid: typeof tzid === 'string' ? tzid : undefined };
}

/** The instant an ical.js time denotes, with this engine's zone rules (see `busyRanges`). */
function instantOf({ time, tzid }: ZonedTime, context: Expansion): number {
  if (time.isDate) return context.photographer.startOfDay(time.year, time.month, time.day);
  const zone = time.zone;
  if (zone === ICAL.Timezone.utcTimezone || zone?.tzid === 'UTC') {
    return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  }
  if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid !== 'floating') {
    return time.toUnixTime() * 1000;
  }
  return clockFor(tzid, context).instantOf(time);
}

/** Floating, or a TZID the file does not define: an IANA name if it is one, else the photographer's zone. */
function clockFor(tzid: string | undefined, context: Expansion): WallClock {
  if (!tzid || !WallClock.isValidZone(tzid)) return context.photographer;
  let clock = context.clocks.get(tzid);
  if (!clock) context.clocks.set(tzid, (clock = new WallClock(tzid)));
  return clock;
}

function dayNumber(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day);
}

/** Matches an override's RECURRENCE-ID to a generated instance: by date, or by the instant. */
function timeKey(zoned: ZonedTime, context: Expansion, instant?: number): string {
  const { time } = zoned;
  if (time.isDate) return `${time.year}-${time.month}-${time.day}`;
  return String(instant ?? instantOf(zoned, context));
}

function readCalendars(icsText: string, skipped: string[]): ICAL.Component[] {
  if (!/BEGIN:VCALENDAR/i.test(icsText)) {
    throw new CalendarError(CalendarErrorCode.NotICalendar, 'This is not an iCalendar file');
  }
  let parsed: unknown[];
  try {
    parsed = ICAL.parse(icsText) as unknown[];
  } catch (error) {
    throw new CalendarError(
      CalendarErrorCode.NotICalendar,
      `This iCalendar file cannot be read: ${error instanceof Error ? error.message : error}`,
    );
  }
  const roots = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
  return roots
    .map((jcal) => new ICAL.Component(jcal as never))
    .filter(
      (component) =>
        component.name === 'vcalendar' ||
        (skipped.push(`${component.name}: not a calendar`), false),
    );
}

/** Sorted, with overlapping or touching ranges joined. */
function merge(ranges: [number, number][]): BusyRange[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => ({ from: new Date(start), until: new Date(end) }));
}
