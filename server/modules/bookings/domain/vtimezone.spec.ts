import ICAL from 'ical.js';
import { vtimezone } from './vtimezone';

/**
 * The UTC instant of a wall-clock time in the zone, as ical.js reads the VTIMEZONE: what a
 * calendar app does with `DTSTART;TZID=…`.
 */
function instantOf(zoneText: string, local: string): string {
  const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(zoneText)));
  const time = ICAL.Time.fromDateTimeString(local);
  time.zone = zone;
  return new Date(time.toUnixTime() * 1000).toISOString();
}

describe(vtimezone.name, () => {
  const from = new Date('2025-01-01T00:00:00Z');
  const until = new Date('2025-12-31T00:00:00Z');

  it.each([
    // [zone, local wall-clock time, UTC instant]: either side of each DST change
    ['Europe/Berlin', '2025-03-30T01:30:00', '2025-03-30T00:30:00.000Z'],
    ['Europe/Berlin', '2025-03-30T03:30:00', '2025-03-30T01:30:00.000Z'],
    ['Europe/Berlin', '2025-10-26T01:30:00', '2025-10-25T23:30:00.000Z'],
    ['Europe/Berlin', '2025-10-26T03:30:00', '2025-10-26T02:30:00.000Z'],
    ['America/New_York', '2025-03-09T01:30:00', '2025-03-09T06:30:00.000Z'],
    ['America/New_York', '2025-03-09T03:30:00', '2025-03-09T07:30:00.000Z'],
    ['Australia/Sydney', '2025-06-01T10:00:00', '2025-06-01T00:00:00.000Z'],
    ['Australia/Sydney', '2025-12-01T11:00:00', '2025-12-01T00:00:00.000Z'],
    ['Asia/Kolkata', '2025-06-01T05:30:00', '2025-06-01T00:00:00.000Z'],
  ])('%s reads %s as %s', (zone, local, utc) => {
    expect(instantOf(vtimezone(zone, from, until)!, local)).toBe(utc);
  });

  it('lists each change once as DAYLIGHT or STANDARD, and one part for a zone without DST', () => {
    const berlin = vtimezone('Europe/Berlin', from, until)!;
    expect(berlin.match(/BEGIN:DAYLIGHT/g)).toHaveLength(1);
    expect(berlin).toContain('DTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(berlin).toContain('DTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
    expect(vtimezone('Asia/Tokyo', from, until)!.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual([
      'BEGIN:STANDARD',
    ]);
  });

  it('is null for a zone the runtime does not know', () => {
    expect(vtimezone('Mars/Olympus_Mons', from, until)).toBeNull();
  });
});
