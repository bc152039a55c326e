import ICAL from 'ical.js';
import type { BookingStatus } from '../../../../shared/bookings/bookings.types';
import {
  bookingCalendar,
  bookingUid,
  type CalendarEntry,
  calendarStatus,
  isBookingUid,
} from './calendar-ics';

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
    sequence: 3,
    ...overrides,
  };
}

/** The one event, as an independent reader (ical.js) understands the file. */
function readEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { calendar, event, vevent: calendar.getFirstSubcomponent('vevent')! };
}

describe(bookingCalendar.name, () => {
  it('writes the session in UTC, its identity and version, and names the studio zone', () => {
    const ics = bookingCalendar(anEntry());
    const { calendar, event, vevent } = readEvent(ics);
    expect(event.uid).toBe('booking-123@lensbridge');
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-03-10T13:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2025-03-10T14:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps commas, semicolons and new lines in the text', () => {
    const { event } = readEvent(bookingCalendar(anEntry()));
    expect(event.summary).toBe('Headshot session, Studio; Light');
    expect(event.description).toBe('Executive portrait\n09:00 America/New_York');
    expect(event.location).toBe('12 Main St, Brooklyn');
  });

  it('marks a cancelled session so calendars remove it', () => {
    const { vevent } = readEvent(bookingCalendar(anEntry({ status: 'CANCELLED', sequence: 4 })));
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(4);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const description = 'Ünïcödé '.repeat(30);
    const ics = bookingCalendar(anEntry({ description }));
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(readEvent(ics).event.description).toBe(description);
  });
});

describe(calendarStatus.name, () => {
  it.each<[BookingStatus, string]>([
    ['held', 'TENTATIVE'],
    ['requested', 'TENTATIVE'],
    ['confirmed', 'CONFIRMED'],
    ['rescheduled', 'CONFIRMED'],
    ['completed', 'CONFIRMED'],
    ['delivered', 'CONFIRMED'],
    ['no_show', 'CONFIRMED'],
    ['expired', 'CANCELLED'],
    ['declined', 'CANCELLED'],
    ['cancelled_by_client', 'CANCELLED'],
    ['cancelled_by_photographer', 'CANCELLED'],
  ])('shows a %s booking as %s', (status, shown) => {
    expect(calendarStatus(status)).toBe(shown);
  });
});

describe(isBookingUid.name, () => {
  it('recognises the events we write and nothing a calendar app made', () => {
    expect(isBookingUid(bookingUid('6f1d1c8e-0000-4000-8000-000000000001'))).toBe(true);
    expect(isBookingUid('booking-6f1d1c8e@lensbridge.evil')).toBe(false);
    expect(isBookingUid('040000008200E00074C5B7101A82E008')).toBe(false);
    expect(isBookingUid('dentist@example.com')).toBe(false);
  });
});
