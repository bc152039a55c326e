import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** One moment the zone's offset from UTC changes (offsets in minutes east of UTC). */
interface Transition {
  at: number;
  from: number;
  to: number;
}

/**
 * The RFC 5545 VTIMEZONE of an IANA zone over [from, until], built from the runtime's own tz data
 * (through luxon): one STANDARD or DAYLIGHT part per offset change, plus one for the offset in
 * force at `from`. No RRULE: listing each change is valid, and stays right when a zone changes
 * its rules. Null for a zone the runtime does not know.
 */
export function vtimezone(zone: string, from: Date, until: Date): string | null {
  const tz = IANAZone.create(zone);
  if (!tz.isValid) return null;
  const start = from.getTime();
  const end = Math.max(until.getTime(), start) + DAY;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const initial = tz.offset(start);
  lines.push(...part(zone, { at: start, from: initial, to: initial }));
  for (const change of transitions(tz, start, end)) lines.push(...part(zone, change));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

function transitions(tz: IANAZone, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let before = tz.offset(start);
  for (let day = start; day < end; day += DAY) {
    const after = tz.offset(day + DAY);
    if (after !== before) {
      // The first minute in (day, day + DAY] with the new offset.
      let low = day;
      let high = day + DAY;
      while (high - low > MINUTE) {
        const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (tz.offset(mid) === before) low = mid;
        else high = mid;
      }
      found.push({ at: high, from: before, to: after });
      before = after;
    }
  }
  return found;
}

function part(zone: string, change: Transition): string[] {
  const atZone = DateTime.fromMillis(change.at, { zone });
  const kind = change.from !== change.to && atZone.isInDST ? 'DAYLIGHT' : 'STANDARD';
  // DTSTART is the local time of the change as the old offset reads it (RFC 5545 §3.6.5).
  const local = DateTime.fromMillis(change.at, { zone: FixedOffsetZone.instance(change.from) });
  const name = atZone.offsetNameShort;
  return [
    `BEGIN:${kind}`,
    `DTSTART:${local.toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${offset(change.from)}`,
    `TZOFFSETTO:${offset(change.to)}`,
    ...(name ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ];
}

function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
