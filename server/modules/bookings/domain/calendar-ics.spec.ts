import { bookingCalendar, type CalendarEntry } from './calendar-ics';

function anEntry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    uid: 'booking-123@lensbridge',
    startsAt: new Date('2025-03-10T13:00:00Z'),
    endsAt: new Date('2025-03-10T14:30:00Z'),
    timeZone: 'America/New_York',
    summary: 'Headshot session, Studio; Light',
    description: 'Executive portrait\n09:00 America/New_York',
    location: '12 Main St, Brooklyn',
    status: 'CONFIRMED',
    stamp: new Date('2025-03-01T08:00:00Z'),
    sequence: 0,
    ...overrides,
  };
}

describe(bookingCalendar.name, () => {
  it('writes the session in UTC and names the studio zone', () => {
    const ics = bookingCalendar(anEntry());
    expect(ics).toContain('DTSTART:20250310T130000Z\r\n');
    expect(ics).toContain('DTEND:20250310T143000Z\r\n');
    expect(ics).toContain('X-WR-TIMEZONE:America/New_York\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes commas, semicolons and new lines', () => {
    const ics = bookingCalendar(anEntry());
    expect(ics).toContain('SUMMARY:Headshot session\\, Studio\\; Light');
    expect(ics).toContain('DESCRIPTION:Executive portrait\\n09:00 America/New_York');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const ics = bookingCalendar(anEntry({ description: 'Ünïcödé '.repeat(30) }));
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:${'Ünïcödé '.repeat(30)}`);
  });
});
