import ICAL from 'ical.js';
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { Clocks, isUtc, readTime, type ZonedTime } from './zoned-time';

/** A calendar read once, to be expanded for many windows (a sync stores this, slots reuse it). */
export interface ParsedCalendar {
  readonly series: readonly EventSeries[];
  /** Events that could not be read at all. */
  readonly skipped: readonly string[];
}

/** The events sharing one UID: the series (master) and its RECURRENCE-ID overrides. */
export interface EventSeries {
  uid: string;
  master?: ICAL.Component;
  /** Taken off the master: ical.js misses an EXDATE that follows one matching no instance. */
  exdates: ZonedTime[];
  /** A floating DTSTART with a UTC UNTIL: the UNTIL can only be restated per photographer's zone. */
  floatingUntil: boolean;
  overrides: ICAL.Component[];
}

/** Reads the text once; throws `CalendarError` only when it is not iCalendar at all. */
export function parseCalendar(icsText: string): ParsedCalendar {
  const skipped: string[] = [];
  const byUid = new Map<string, EventSeries>();
  const clocks = new Clocks(null);
  for (const calendar of readCalendars(icsText, skipped)) {
    calendar.getAllSubcomponents('vevent').forEach((vevent, index) => {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? `(no UID, event ${index + 1})`);
      const series = byUid.get(uid) ?? { uid, exdates: [], floatingUntil: false, overrides: [] };
      byUid.set(uid, series);
      if (vevent.hasProperty('recurrence-id')) series.overrides.push(vevent);
      else if (series.master) skipped.push(`${uid}: a second event with this UID was ignored`);
      else {
        series.master = vevent;
        try {
          series.exdates = takeExdates(vevent);
          series.floatingUntil = !localiseUntil(vevent, clocks);
        } catch {
          // Reported when the series is expanded (each expansion says why it was skipped).
        }
      }
    });
  }
  return { series: [...byUid.values()], skipped };
}

/**
 * ical.js compares UNTIL with each instance through its own offsets: a UTC UNTIL against a
 * DTSTART whose zone it does not know (floating, an IANA TZID without VTIMEZONE) is hours off,
 * and against an ambiguous local time it takes the later reading. Restating a UTC UNTIL as a
 * wall time in the DTSTART's zone makes that comparison one of wall times. False when that zone
 * is the photographer's (floating), which `clocks` may not know.
 */
export function localiseUntil(vevent: ICAL.Component, clocks: Clocks): boolean {
  const start = readTime(vevent, 'dtstart');
  if (!start || start.time.isDate || isUtc(start.time)) return true;
  const recurs = vevent
    .getAllProperties('rrule')
    .map((rule) => rule.getFirstValue() as ICAL.Recur)
    .filter((recur) => recur.until && !recur.until.isDate && isUtc(recur.until));
  if (recurs.length === 0) return true;
  const clock = clocks.clockOf(start);
  if (!clock) return false;
  for (const recur of recurs) {
    const wall = clock.wallAt(recur.until!.toUnixTime() * 1000);
    recur.until = new ICAL.Time({ ...wall, isDate: false }, start.time.zone);
  }
  return true;
}

function takeExdates(vevent: ICAL.Component): ZonedTime[] {
  const exdates = vevent.getAllProperties('exdate').flatMap((property) => {
    const tzid = property.getParameter('tzid');
    return property
      .getValues()
      .filter((time) => time instanceof ICAL.Time)
      .map((time) => ({
        time: time as ICAL.Time,
        tzid: typeof tzid === 'string' ? tzid : undefined,
      }));
  });
  vevent.removeAllProperties('exdate');
  return exdates;
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
    .filter((component) => {
      if (component.name === 'vcalendar') return true;
      skipped.push(`${component.name}: not a calendar`);
      return false;
    });
}
