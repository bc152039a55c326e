import { busyRanges, expandBusy, parseCalendar } from './busy-time';
import { CalendarError } from './calendar.errors';

/** A VCALENDAR around the given VEVENT/VTIMEZONE lines (CRLF, as servers send them). */
function aCalendar(...blocks: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...blocks, 'END:VCALENDAR']
    .join('\r\n')
    .concat('\r\n');
}

function anEvent(...lines: string[]): string {
  const uid = lines.some((line) => line.startsWith('UID:')) ? [] : ['UID:event-1@test'];
  return ['BEGIN:VEVENT', ...uid, 'DTSTAMP:20250101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
}

const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Berlin Custom',
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
].join('\r\n');

const MARCH = { from: new Date('2025-03-01T00:00:00Z'), until: new Date('2025-04-01T00:00:00Z') };

/** Ranges as `start/end` ISO strings, which read well in a failing table row. */
function busy(ics: string, zone = 'Europe/Berlin', window = MARCH): string[] {
  return busyRanges(ics, window, zone).ranges.map(
    (range) => `${range.from.toISOString()}/${range.until.toISOString()}`,
  );
}

describe(busyRanges.name, () => {
  it.each([
    [
      'a UTC event',
      [anEvent('DTSTART:20250310T090000Z', 'DTEND:20250310T100000Z')],
      ['2025-03-10T09:00:00.000Z/2025-03-10T10:00:00.000Z'],
    ],
    [
      'a TZID event read with the IANA zone when the file has no VTIMEZONE',
      [anEvent('DTSTART;TZID=America/New_York:20250310T090000', 'DURATION:PT90M')],
      ['2025-03-10T13:00:00.000Z/2025-03-10T14:30:00.000Z'],
    ],
    [
      "a TZID event read with the file's own VTIMEZONE",
      [
        BERLIN_VTIMEZONE,
        anEvent(
          'DTSTART;TZID=Berlin Custom:20250331T090000',
          'DTEND;TZID=Berlin Custom:20250331T100000',
        ),
      ],
      ['2025-03-31T07:00:00.000Z/2025-03-31T08:00:00.000Z'],
    ],
    [
      "a floating time in the photographer's zone",
      [anEvent('DTSTART:20250310T090000', 'DTEND:20250310T100000')],
      ['2025-03-10T08:00:00.000Z/2025-03-10T09:00:00.000Z'],
    ],
    [
      "an all-day event as the whole local day in the photographer's zone",
      [anEvent('DTSTART;VALUE=DATE:20250310')],
      ['2025-03-09T23:00:00.000Z/2025-03-10T23:00:00.000Z'],
    ],
    [
      'a multi-day all-day event with an exclusive DTEND, across the spring change',
      [anEvent('DTSTART;VALUE=DATE:20250329', 'DTEND;VALUE=DATE:20250331')],
      ['2025-03-28T23:00:00.000Z/2025-03-30T22:00:00.000Z'],
    ],
    [
      'a transparent event blocks nothing',
      [anEvent('DTSTART:20250310T090000Z', 'DTEND:20250310T100000Z', 'TRANSP:TRANSPARENT')],
      [],
    ],
    [
      'a cancelled event blocks nothing',
      [anEvent('DTSTART:20250310T090000Z', 'DTEND:20250310T100000Z', 'STATUS:CANCELLED')],
      [],
    ],
    [
      'a timed event without end is an instant and blocks nothing',
      [anEvent('DTSTART:20250310T090000Z')],
      [],
    ],
    [
      'an event outside the window',
      [anEvent('DTSTART:20250410T090000Z', 'DTEND:20250410T100000Z')],
      [],
    ],
    [
      'overlapping events are merged',
      [
        anEvent('UID:a', 'DTSTART:20250310T090000Z', 'DTEND:20250310T100000Z'),
        anEvent('UID:b', 'DTSTART:20250310T093000Z', 'DTEND:20250310T110000Z'),
      ],
      ['2025-03-10T09:00:00.000Z/2025-03-10T11:00:00.000Z'],
    ],
    [
      'an event that started before the window and overlaps it',
      [anEvent('DTSTART:20250228T220000Z', 'DTEND:20250301T020000Z')],
      ['2025-02-28T22:00:00.000Z/2025-03-01T02:00:00.000Z'],
    ],
  ])('%s', (_name, blocks, expected) => {
    expect(busy(aCalendar(...blocks))).toEqual(expected);
  });

  describe('recurring events', () => {
    const weekly = (...extra: string[]) =>
      aCalendar(
        anEvent(
          'DTSTART;TZID=Europe/Berlin:20250303T090000',
          'DTEND;TZID=Europe/Berlin:20250303T100000',
          ...extra,
        ),
      );

    it.each([
      [
        'weekly with COUNT keeps 09:00 local across the spring change',
        weekly('RRULE:FREQ=WEEKLY;COUNT=5'),
        [
          '2025-03-03T08:00:00.000Z/2025-03-03T09:00:00.000Z',
          '2025-03-10T08:00:00.000Z/2025-03-10T09:00:00.000Z',
          '2025-03-17T08:00:00.000Z/2025-03-17T09:00:00.000Z',
          '2025-03-24T08:00:00.000Z/2025-03-24T09:00:00.000Z',
          '2025-03-31T07:00:00.000Z/2025-03-31T08:00:00.000Z',
        ],
      ],
      [
        'UNTIL ends the series',
        weekly('RRULE:FREQ=WEEKLY;UNTIL=20250310T080000Z'),
        [
          '2025-03-03T08:00:00.000Z/2025-03-03T09:00:00.000Z',
          '2025-03-10T08:00:00.000Z/2025-03-10T09:00:00.000Z',
        ],
      ],
      [
        'EXDATE removes an instance and RDATE adds one',
        weekly(
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'EXDATE;TZID=Europe/Berlin:20250310T090000',
          'RDATE;TZID=Europe/Berlin:20250312T150000',
        ),
        [
          '2025-03-03T08:00:00.000Z/2025-03-03T09:00:00.000Z',
          '2025-03-12T14:00:00.000Z/2025-03-12T15:00:00.000Z',
          '2025-03-17T08:00:00.000Z/2025-03-17T09:00:00.000Z',
        ],
      ],
      [
        'an override moves one instance and another cancels one',
        aCalendar(
          anEvent(
            'DTSTART;TZID=Europe/Berlin:20250303T090000',
            'DTEND;TZID=Europe/Berlin:20250303T100000',
            'RRULE:FREQ=WEEKLY;COUNT=3',
          ),
          anEvent(
            'RECURRENCE-ID;TZID=Europe/Berlin:20250310T090000',
            'DTSTART:20250311T160000Z',
            'DTEND:20250311T170000Z',
          ),
          anEvent('RECURRENCE-ID:20250317T080000Z', 'DTSTART:20250317T080000Z', 'STATUS:CANCELLED'),
        ),
        [
          '2025-03-03T08:00:00.000Z/2025-03-03T09:00:00.000Z',
          '2025-03-11T16:00:00.000Z/2025-03-11T17:00:00.000Z',
        ],
      ],
      [
        'an override moved into the window from an instance outside it',
        aCalendar(
          anEvent(
            'DTSTART:20250203T090000Z',
            'DTEND:20250203T100000Z',
            'RRULE:FREQ=WEEKLY;COUNT=2',
          ),
          anEvent(
            'RECURRENCE-ID:20250210T090000Z',
            'DTSTART:20250305T090000Z',
            'DTEND:20250305T100000Z',
          ),
        ),
        ['2025-03-05T09:00:00.000Z/2025-03-05T10:00:00.000Z'],
      ],
      [
        'a transparent override frees one instance',
        aCalendar(
          anEvent(
            'DTSTART:20250303T090000Z',
            'DTEND:20250303T100000Z',
            'RRULE:FREQ=WEEKLY;COUNT=2',
          ),
          anEvent(
            'RECURRENCE-ID:20250310T090000Z',
            'DTSTART:20250310T090000Z',
            'DTEND:20250310T100000Z',
            'TRANSP:TRANSPARENT',
          ),
        ),
        ['2025-03-03T09:00:00.000Z/2025-03-03T10:00:00.000Z'],
      ],
      ['a cancelled series blocks nothing', weekly('RRULE:FREQ=WEEKLY', 'STATUS:CANCELLED'), []],
      [
        'a weekly all-day series is whole local days',
        aCalendar(anEvent('DTSTART;VALUE=DATE:20250324', 'RRULE:FREQ=WEEKLY;COUNT=2')),
        [
          '2025-03-23T23:00:00.000Z/2025-03-24T23:00:00.000Z',
          '2025-03-30T22:00:00.000Z/2025-03-31T22:00:00.000Z',
        ],
      ],
    ])('%s', (_name, ics, expected) => {
      expect(busy(ics)).toEqual(expected);
    });

    it('starts a years-long series near the window and keeps its weekdays and interval', () => {
      const ics = aCalendar(
        anEvent(
          'DTSTART;TZID=Europe/Berlin:20150105T090000', // a Monday, not one of its BYDAYs
          'DURATION:PT1H',
          'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
        ),
      );
      const window = {
        from: new Date('2025-03-24T00:00:00Z'),
        until: new Date('2025-04-07T00:00:00Z'),
      };
      // The week of 2025-03-24 is week 533 after the start (odd: skipped); 31 March's is 534.
      expect(busy(ics, 'Europe/Berlin', window)).toEqual([
        '2025-04-01T07:00:00.000Z/2025-04-01T08:00:00.000Z',
        '2025-04-03T07:00:00.000Z/2025-04-03T08:00:00.000Z',
      ]);
    });

    it('stops an endless rule at the window end', () => {
      const ics = aCalendar(
        anEvent('DTSTART:20250101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY;INTERVAL=2'),
      );
      const window = {
        from: new Date('2025-01-01T00:00:00Z'),
        until: new Date('2025-01-01T01:00:00Z'),
      };
      const result = busyRanges(ics, window, 'UTC');
      expect(result.ranges).toHaveLength(30);
      expect(result.skipped).toEqual([]);
    });

    it('gives up on a series with too many instances before the window, and says so', () => {
      const ics = aCalendar(
        anEvent('DTSTART:19900101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY'),
      );
      const result = busyRanges(ics, MARCH, 'UTC');
      expect(result.ranges).toEqual([]);
      expect(result.skipped).toEqual([expect.stringContaining('event-1@test: more than')]);
    });
  });

  describe('bad input', () => {
    it('skips a bad event with a reason and keeps the good ones', () => {
      const ics = aCalendar(
        anEvent('UID:no-start', 'SUMMARY:no DTSTART'),
        anEvent('UID:backwards', 'DTSTART:20250310T100000Z', 'DTEND:20250310T090000Z'),
        anEvent('UID:good', 'DTSTART:20250310T090000Z', 'DTEND:20250310T100000Z'),
      );
      const result = busyRanges(ics, MARCH, 'Europe/Berlin');
      expect(result.ranges).toHaveLength(1);
      expect(result.skipped).toEqual([
        expect.stringContaining('no-start: DTSTART is missing'),
        expect.stringContaining('backwards: ends before it starts'),
      ]);
    });

    it('skips an event with an unreadable date', () => {
      const ics = aCalendar(
        anEvent('UID:bad-date', 'DTSTART:2025-0X-10', 'DTEND:20250310T100000Z'),
        anEvent('UID:good', 'DTSTART:20250310T090000Z', 'DTEND:20250310T100000Z'),
      );
      const result = busyRanges(ics, MARCH, 'Europe/Berlin');
      expect(result.ranges).toHaveLength(1);
      expect(result.skipped).toEqual([expect.stringContaining('bad-date')]);
    });

    it.each([['<html>not a calendar</html>'], ['']])('throws a CalendarError for %j', (text) => {
      expect(() => busyRanges(text, MARCH, 'Europe/Berlin')).toThrow(CalendarError);
    });
  });

  it('expands a parsed calendar for several windows', () => {
    const parsed = parseCalendar(
      aCalendar(anEvent('DTSTART:20250303T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY')),
    );
    const april = {
      from: new Date('2025-04-01T00:00:00Z'),
      until: new Date('2025-04-08T00:00:00Z'),
    };
    expect(expandBusy(parsed, MARCH, 'UTC').ranges).toHaveLength(29);
    expect(expandBusy(parsed, april, 'UTC').ranges).toHaveLength(7);
  });
});
