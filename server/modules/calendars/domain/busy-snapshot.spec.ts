import { BusySnapshot, takeSnapshot } from './busy-snapshot';

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (uid: string, start: string, end: string, extra: string[] = []) =>
  ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART:${start}`, `DTEND:${end}`, ...extra, 'END:VEVENT'].join(
    '\r\n',
  );
const window = { from: new Date('2026-03-01T00:00:00Z'), until: new Date('2026-04-01T00:00:00Z') };

describe('busy snapshots', () => {
  it('keeps each instance with its UID and summary, and survives a round trip through JSON', () => {
    const { snapshot, eventCount, skipped } = takeSnapshot(
      [
        ics(
          event('dentist', '20260310T090000Z', '20260310T100000Z', ['SUMMARY:Dentist']),
          event('yoga', '20260302T070000Z', '20260302T080000Z', ['RRULE:FREQ=WEEKLY;COUNT=3']),
          event('free', '20260311T090000Z', '20260311T100000Z', ['TRANSP:TRANSPARENT']),
        ),
      ],
      window,
      'Europe/Berlin',
    );
    expect(skipped).toEqual([]);
    expect(eventCount).toBe(2);
    const again = BusySnapshot.parse(snapshot.toJSON())!;
    expect(again.zone).toBe('Europe/Berlin');
    expect(again.events.map((e) => [e.uid, new Date(e.from).toISOString(), e.summary])).toEqual([
      ['yoga', '2026-03-02T07:00:00.000Z', null],
      ['yoga', '2026-03-09T07:00:00.000Z', null],
      ['dentist', '2026-03-10T09:00:00.000Z', 'Dentist'],
      ['yoga', '2026-03-16T07:00:00.000Z', null],
    ]);
  });

  it('finds the events overlapping a range, long ones that start well before it too', () => {
    const { snapshot } = takeSnapshot(
      [
        ics(
          event('trip', '20260301T000000Z', '20260320T000000Z'),
          event('short', '20260315T100000Z', '20260315T110000Z'),
          event('later', '20260325T100000Z', '20260325T110000Z'),
        ),
      ],
      window,
      'UTC',
    );
    const at = (iso: string) => new Date(iso).getTime();
    const uids = (from: string, until: string) =>
      snapshot.overlapping(at(from), at(until)).map((e) => e.uid);
    expect(uids('2026-03-15T10:30:00Z', '2026-03-15T12:00:00Z')).toEqual(['trip', 'short']);
    expect(uids('2026-03-15T11:00:00Z', '2026-03-15T12:00:00Z')).toEqual(['trip']);
    expect(uids('2026-03-21T00:00:00Z', '2026-03-25T10:00:00Z')).toEqual([]);
    expect(uids('2026-03-25T10:59:00Z', '2026-03-26T00:00:00Z')).toEqual(['later']);
  });

  it('refuses a single text that is not iCalendar, but skips one bad object among several', () => {
    expect(() => takeSnapshot(['<html>sign in</html>'], window, 'UTC')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_NOT_ICALENDAR' }),
    );
    const result = takeSnapshot(
      ['<html/>', ics(event('a', '20260310T090000Z', '20260310T100000Z'))],
      window,
      'UTC',
    );
    expect(result.eventCount).toBe(1);
    expect(result.skipped).toHaveLength(1);
  });
});
