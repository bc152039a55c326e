import ICAL from 'ical.js';
import { type FeedEntry, feedCalendar } from './calendar-feed-ics';

function anEntry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    uid: 'booking-1@lensbridge',
    // 09:00 in New York, just after the spring DST change (2025-03-09).
    startsAt: new Date('2025-03-10T13:00:00Z'),
    endsAt: new Date('2025-03-10T14:00:00Z'),
    timeZone: 'America/New_York',
    summary: 'Executive headshot with Ann Client',
    description: 'Brief: Style: Studio; light, soft\nhttps://example.test/app/bookings/1',
    location: '12 Main St, Brooklyn',
    status: 'CONFIRMED',
    sequence: 2,
    lastModified: new Date('2025-03-01T08:00:00Z'),
    ...overrides,
  };
}

/** The calendar as an independent reader (ical.js) understands it, zones registered. */
function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

describe(feedCalendar.name, () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it('names the studio, publishes, and writes each session in its zone with a VTIMEZONE', () => {
    const ics = feedCalendar({
      name: 'Lena Licht',
      entries: [
        anEntry(),
        anEntry({
          uid: 'booking-2@lensbridge',
          startsAt: new Date('2025-07-01T07:00:00Z'),
          endsAt: new Date('2025-07-01T08:00:00Z'),
          timeZone: 'Europe/Berlin',
          status: 'CANCELLED',
        }),
      ],
      stamp: new Date('2025-03-02T00:00:00Z'),
    });
    const { calendar, events } = read(ics);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Lena Licht');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Lensbridge');
    expect(
      calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    ).toEqual(['America/New_York', 'Europe/Berlin']);
    const [ny, berlin] = events;
    expect(ny!.startDate.toString()).toBe('2025-03-10T09:00:00');
    expect(ny!.startDate.zone.tzid).toBe('America/New_York');
    expect(ny!.startDate.toJSDate().toISOString()).toBe('2025-03-10T13:00:00.000Z');
    expect(berlin!.startDate.toString()).toBe('2025-07-01T09:00:00');
    expect(berlin!.startDate.toJSDate().toISOString()).toBe('2025-07-01T07:00:00.000Z');
    expect(berlin!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ny!.uid).toBe('booking-1@lensbridge');
    expect(ny!.sequence).toBe(2);
    expect(ny!.description).toContain('light, soft');
    expect(ny!.location).toBe('12 Main St, Brooklyn');
    expect(String(ny!.component.getFirstPropertyValue('last-modified'))).toBe(
      '2025-03-01T08:00:00Z',
    );
  });

  it('is an empty calendar, still valid, without bookings', () => {
    const { calendar, events } = read(
      feedCalendar({ name: 'New studio', entries: [], stamp: new Date('2025-03-02T00:00:00Z') }),
    );
    expect(events).toEqual([]);
    expect(calendar.getAllSubcomponents('vtimezone')).toEqual([]);
  });
});
