// Deterministic iCalendar files for the calendar benchmarks (issue #15): 500 events each, with
// single timed events, weekly series with BYDAY, EXDATE and an override, all-day events; TZIDs
// with and without VTIMEZONE, UTC and floating times.

const DAY = 86_400_000;

/** The fixed reference instant of calendar-busy: the window holds Berlin's spring change. */
export const FROM = Date.parse('2025-03-10T00:00:00Z');

/** `YYYYMMDDTHHMMSSZ` */
export const stamp = (instant) =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** Floating local time: `YYYYMMDDTHHMMSS` */
export const local = (instant) => stamp(instant).replace('Z', '');
/** `YYYYMMDD` */
export const date = (instant) => stamp(instant).slice(0, 8);

export const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A deterministic pseudo-random sequence, so every run measures the same calendars. */
export function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * 500 events over a year around `from` (an instant at midnight UTC; default FROM): 60 % single
 * timed, 30 % weekly series (started up to a year earlier, so expansion walks past instances),
 * 10 % all-day.
 */
export function aCalendar(seed, withVtimezone, from = FROM) {
  const next = random(seed);
  const tz = 'TZID=Europe/Berlin';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN'];
  if (withVtimezone) lines.push(...BERLIN_VTIMEZONE);
  for (let i = 0; i < 500; i += 1) {
    const uid = `UID:bench-${seed}-${i}`;
    const day = from + Math.floor(next() * 400 - 200) * DAY;
    const start = day + (7 + Math.floor(next() * 12)) * 3_600_000 + (next() < 0.5 ? 0 : 1_800_000);
    const kind = next();
    lines.push('BEGIN:VEVENT', uid, 'DTSTAMP:20250101T000000Z');
    if (kind < 0.6) {
      const variant = next();
      if (variant < 0.4) lines.push(`DTSTART:${stamp(start)}`, `DTEND:${stamp(start + 3_600_000)}`);
      else if (variant < 0.8) lines.push(`DTSTART;${tz}:${local(start)}`, 'DURATION:PT90M');
      else lines.push(`DTSTART:${local(start)}`, `DTEND:${local(start + 1_800_000)}`);
      if (next() < 0.1) lines.push('TRANSP:TRANSPARENT');
    } else if (kind < 0.9) {
      const seriesStart = start - Math.floor(next() * 52) * 7 * DAY;
      const days = ['MO', 'TU', 'WE', 'TH', 'FR'].filter(() => next() < 0.4);
      lines.push(
        `DTSTART;${tz}:${local(seriesStart)}`,
        `DTEND;${tz}:${local(seriesStart + 3_600_000)}`,
        `RRULE:FREQ=WEEKLY${days.length ? `;BYDAY=${days.join(',')}` : ''}${next() < 0.5 ? ';COUNT=80' : ''}`,
        `EXDATE;${tz}:${local(seriesStart + 7 * DAY)}`,
        'END:VEVENT',
        'BEGIN:VEVENT',
        uid,
        'DTSTAMP:20250101T000000Z',
        `RECURRENCE-ID;${tz}:${local(seriesStart + 14 * DAY)}`,
        `DTSTART;${tz}:${local(seriesStart + 14 * DAY + 7_200_000)}`,
        `DTEND;${tz}:${local(seriesStart + 14 * DAY + 10_800_000)}`,
      );
    } else {
      lines.push(`DTSTART;VALUE=DATE:${date(day)}`, `DTEND;VALUE=DATE:${date(day + 2 * DAY)}`);
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}
