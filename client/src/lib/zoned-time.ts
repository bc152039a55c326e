/*
 * Time for people: the API speaks UTC instants plus the studio's IANA zone; the screen shows
 * the viewer's wall clock and names the studio's. Everything goes through Intl, so a day with a
 * daylight-saving change has its real 23 or 25 hours. One fixed locale keeps labels stable.
 */

const LOCALE = 'en-GB';

/** The zone this browser's clock is in, e.g. `America/New_York`. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = zone + JSON.stringify(options);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone });
    formatters.set(key, cached);
  }
  return cached;
}

const toDate = (at: string | Date | number) => (at instanceof Date ? at : new Date(at));

/** "09:00" on the wall clock of `zone`. */
export function timeIn(at: string | Date, zone: string): string {
  return formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    toDate(at),
  );
}

/** "Tue 10 Mar". */
export function shortDateIn(at: string | Date | number, zone: string): string {
  return formatter(zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(toDate(at));
}

/** "Tuesday 10 March 2026". */
export function longDateIn(at: string | Date, zone: string): string {
  return formatter(zone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(toDate(at));
}

/** "Tue 10 Mar, 09:00". */
export function dateTimeIn(at: string | Date, zone: string): string {
  return `${shortDateIn(at, zone)}, ${timeIn(at, zone)}`;
}

/** The calendar date in `zone` as `YYYY-MM-DD`. */
export function dayKeyIn(at: string | Date | number, zone: string): string {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(toDate(at))
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Milliseconds `zone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, zone: string): number {
  const parts = formatter(zone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(instant))
    .reduce<Record<string, number>>(
      (acc, part) => ({ ...acc, [part.type]: Number(part.value) }),
      {},
    );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return wall - Math.floor(instant / 60_000) * 60_000;
}

/** The first instant of the calendar day `YYYY-MM-DD` in `zone` (its local midnight). */
export function startOfDayIn(dayKey: string, zone: string): Date {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, day);
  let instant = wallMidnight - offsetAt(wallMidnight, zone);
  // Once more with the offset at the guess: right on both sides of a change near midnight.
  instant = wallMidnight - offsetAt(instant, zone);
  // A zone that skips midnight itself starts the day at the first instant that is that date.
  if (dayKeyIn(instant, zone) !== dayKey) instant += 3_600_000;
  return new Date(instant);
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no zone involved). */
export function addDays(dayKey: string, days: number): string {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The first day of the month of `dayKey`, and of the month after. */
export function monthOf(dayKey: string): { first: string; next: string } {
  const [year, month] = dayKey.split('-').map(Number) as [number, number];
  const first = `${dayKey.slice(0, 7)}-01`;
  const next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return { first, next };
}

/** "Berlin" for `Europe/Berlin`, "New York" for `America/New_York`. */
export function cityOfZone(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
