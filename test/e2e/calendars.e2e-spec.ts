import { DateTime } from 'luxon';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type {
  CalendarConflictsDto,
  ExternalCalendarDto,
  ExternalCalendarListDto,
} from '../../shared/calendars/calendars.types';
import { DataSource } from 'typeorm';
import { ExternalCalendar } from '../../server/modules/calendars/external-calendar.entity';
import { ScheduledJobsService } from '../../server/modules/notifications/scheduled-jobs.service';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { startIcsServer, type IcsServer } from '../support/ics-server';
import { emailsTo } from '../support/mailbox';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

const ZONE = 'Europe/Berlin';
/** A day ten days ahead in the studio's zone, and its wall-clock times as instants. */
const day = DateTime.now().setZone(ZONE).plus({ days: 10 }).startOf('day');
const at = (time: string, days = 0) => {
  const [hour, minute] = time.split(':').map(Number);
  return day.plus({ days }).set({ hour, minute }).toUTC().toISO({ suppressMilliseconds: false })!;
};
const local = (time: string, days = 0) =>
  day.plus({ days }).toFormat('yyyyMMdd') + 'T' + time.replace(':', '') + '00';

function calendar(...events: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lensbridge tests//EN',
    'X-WR-CALNAME:Lena private',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
function event(uid: string, start: string, end: string, extra: string[] = []): string {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${ZONE}:${start}`,
    `DTEND;TZID=${ZONE}:${end}`,
    ...extra,
    'END:VEVENT',
  ].join('\r\n');
}

describe('connected calendars: iCalendar addresses (e2e)', () => {
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let other: ListedPhotographer;
  let client: SignedIn;
  let ics: IcsServer;

  beforeAll(async () => {
    t = await startTestApp({
      ...BOOKING_TEST_ENV,
      CALENDAR_FETCH_TIMEOUT_SECONDS: '1',
      CALENDAR_MAX_MB: '0.1',
    });
    server = t.app.getHttpServer() as App;
    const admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin, { profile: { timeZone: ZONE } });
    other = await aListedPhotographer(server, admin);
    client = await signUp(server, { role: 'client' });
    ics = await startIcsServer(
      calendar(
        event('dentist', local('10:00'), local('11:00'), ['SUMMARY:Dentist']),
        // A weekly class from the same day, the second week cancelled (EXDATE).
        event('yoga', local('14:00'), local('15:00'), [
          'RRULE:FREQ=WEEKLY;COUNT=3',
          `EXDATE;TZID=${ZONE}:${local('14:00', 7)}`,
        ]),
        // Free time (TRANSP:TRANSPARENT) blocks nothing.
        event('lunch', local('12:00'), local('13:00'), ['TRANSP:TRANSPARENT']),
      ),
    );
  });
  afterAll(async () => {
    await ics?.close();
    await t.close();
  });

  const slotsOn = async (days = 0) =>
    (
      await freeSlots(server, studio.profile.id, studio.packageId, {
        from: at('00:00', days),
        to: at('23:59', days),
      })
    ).slots;
  const connect = (who: SignedIn, body: object) =>
    request(server).post('/api/photographers/me/calendars').set(writeHeaders(who)).send(body);
  const list = async (who = studio.who) =>
    (
      await request(server)
        .get('/api/photographers/me/calendars')
        .set('Cookie', who.cookie)
        .expect(200)
    ).body as ExternalCalendarListDto;
  const syncNow = async (id: string) =>
    (
      await request(server)
        .post(`/api/photographers/me/calendars/${id}/sync`)
        .set(writeHeaders(studio.who))
        .expect(200)
    ).body as ExternalCalendarDto;

  let connected: ExternalCalendarDto;

  it('reads the address when it is connected, and its busy events block those slots', async () => {
    const before = await slotsOn();
    expect(before).toEqual(expect.arrayContaining([at('10:00'), at('14:00'), at('12:00')]));

    const response = await connect(studio.who, { kind: 'ics', url: ics.url }).expect(201);
    connected = response.body as ExternalCalendarDto;
    expect(connected).toMatchObject({
      kind: 'ics',
      name: 'Lena private',
      status: 'ok',
      error: null,
      eventCount: 2,
      skippedCount: 0,
      writesBookings: false,
    });
    expect(connected.lastSyncedAt).not.toBeNull();

    const after = await slotsOn();
    // A one-hour session may not overlap 10:00–11:00 or 14:00–15:00: 09:30 to 10:30 and 13:30
    // to 14:30 are gone; free time at lunch and the hours around stay.
    for (const gone of ['09:30', '10:00', '10:30', '13:30', '14:00', '14:30']) {
      expect(after).not.toContain(at(gone));
    }
    for (const kept of ['09:00', '11:00', '12:00', '13:00', '15:00']) {
      expect(after).toContain(at(kept));
    }
    // The weekly class: blocked in weeks one and three, not in the excepted week two.
    expect(await slotsOn(7)).toContain(at('14:00', 7));
    expect(await slotsOn(14)).not.toContain(at('14:00', 14));

    // Booking a blocked time directly is refused like any taken slot.
    await request(server)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({ packageId: studio.packageId, startsAt: at('10:00') })
      .expect(409)
      .expect(({ body }) => expect(body.code).toBe('SLOT_TAKEN'));

    const { calendars, syncMinutes, limit } = await list();
    expect(calendars.map((c) => c.id)).toEqual([connected.id]);
    expect(syncMinutes).toBe(0);
    expect(limit).toBe(10);
    expect((await list(other.who)).calendars).toEqual([]);
  });

  it('syncs on demand: new events block, an unchanged file is not downloaded again', async () => {
    const downloads = ics.answered.filter((s) => s === 200).length;
    await syncNow(connected.id);
    expect(ics.answered.at(-1)).toBe(304);
    expect(ics.answered.filter((s) => s === 200)).toHaveLength(downloads);

    ics.serve(
      calendar(
        event('dentist', local('10:00'), local('11:00'), ['SUMMARY:Dentist']),
        event('all-day', day.plus({ days: 1 }).toFormat('yyyyMMdd'), '', []).replace(
          /DTSTART;TZID=Europe\/Berlin:(\d{8})\r\nDTEND;TZID=Europe\/Berlin:\r\n/,
          'DTSTART;VALUE=DATE:$1\r\n',
        ),
      ),
    );
    const synced = await syncNow(connected.id);
    expect(synced).toMatchObject({ status: 'ok', eventCount: 2 });
    // The class was removed; the all-day event takes the whole next day in the studio zone.
    expect(await slotsOn()).toContain(at('14:00'));
    expect(await slotsOn(1)).toEqual([]);
    expect(await slotsOn(2)).toContain(at('09:00', 2));
  });

  it('keeps the last good busy time and shows the error when the address breaks', async () => {
    const cases: [IcsServer['mode'], string][] = [
      ['error', 'CALENDAR_HTTP_ERROR'],
      ['html', 'CALENDAR_NOT_ICALENDAR'],
      ['hang', 'CALENDAR_TIMEOUT'],
      ['huge', 'CALENDAR_TOO_LARGE'],
    ];
    for (const [mode, code] of cases) {
      ics.mode = mode;
      const synced = await syncNow(connected.id);
      expect(synced).toMatchObject({ status: 'error', error: { code } });
      expect(synced.error!.message.length).toBeGreaterThan(10);
      // Slots still answer, with the busy time of the last good read.
      const slots = await slotsOn();
      expect(slots).not.toContain(at('10:00'));
      expect(slots).toContain(at('11:00'));
    }
    ics.mode = 'ok';
    expect(await syncNow(connected.id)).toMatchObject({ status: 'ok', error: null });
  });

  it('refuses an address it cannot read, and stores nothing', async () => {
    const refused = async (body: object, status: number, code: string) => {
      const response = await connect(studio.who, body).expect(status);
      expect(response.body.code).toBe(code);
    };
    await refused({ kind: 'ics', url: 'ftp://example.com/cal.ics' }, 400, 'VALIDATION_FAILED');
    await refused(
      { kind: 'ics', url: 'http://127.0.0.1:9/calendar.ics' },
      422,
      'CALENDAR_UNREACHABLE',
    );
    await refused({ kind: 'ics', url: ics.url }, 409, 'CALENDAR_ALREADY_CONNECTED');
    ics.mode = 'html';
    await refused({ kind: 'ics', url: `${ics.url}?copy` }, 422, 'CALENDAR_NOT_ICALENDAR');
    ics.mode = 'ok';
    await refused({ kind: 'caldav', url: ics.url, username: 'x' }, 400, 'VALIDATION_FAILED');
    expect((await list()).calendars).toHaveLength(1);
    // Clients have no calendars here.
    await connect(client, { kind: 'ics', url: ics.url }).expect(403);
  });

  it('flags a new event over a confirmed booking on the bookings page, and emails the photographer once', async () => {
    const booking = (
      await request(server)
        .post('/api/bookings')
        .set(writeHeaders(client))
        .send({ packageId: studio.packageId, startsAt: at('16:00', 3) })
        .expect(201)
    ).body as BookingDto;
    await request(server)
      .post(`/api/bookings/${booking.id}/confirm`)
      .set(writeHeaders(client))
      .expect(200);
    const conflicts = async () =>
      (
        await request(server)
          .get('/api/photographers/me/calendar-conflicts')
          .set('Cookie', studio.who.cookie)
          .expect(200)
      ).body as CalendarConflictsDto;
    expect((await conflicts()).bookings).toEqual([]);

    ics.serve(
      calendar(
        event('dentist', local('10:00'), local('11:00'), ['SUMMARY:Dentist']),
        event('school-play', local('16:30', 3), local('18:00', 3), ['SUMMARY:School play']),
      ),
    );
    await syncNow(connected.id);
    expect((await conflicts()).bookings).toEqual([
      {
        bookingId: booking.id,
        events: [
          {
            calendarId: connected.id,
            calendarName: 'Lena private',
            summary: 'School play',
            from: at('16:30', 3),
            until: at('18:00', 3),
          },
        ],
      },
    ]);
    const history = (
      await request(server)
        .get(`/api/bookings/${booking.id}/events`)
        .set('Cookie', studio.who.cookie)
        .expect(200)
    ).body as { action: string }[];
    expect(history.filter((e) => e.action === 'calendar_conflict')).toHaveLength(1);

    await t.app.get(ScheduledJobsService).runAll();
    await syncNow(connected.id);
    await t.app.get(ScheduledJobsService).runAll();
    const emails = await emailsTo(server, studio.who.session.user.email, 'calendar_conflict');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain('Calendar clash');
    expect(emails[0]!.textBody).toContain('“School play”');
    expect(emails[0]!.textBody).toContain('Lena private');
    // The client is not told about the photographer's private calendar.
    expect(await emailsTo(server, client.session.user.email, 'calendar_conflict')).toEqual([]);
    // Nobody else sees the photographer's conflicts.
    await request(server)
      .get('/api/photographers/me/calendar-conflicts')
      .set('Cookie', client.cookie)
      .expect(403);
  });

  it('only lets the owner sync or remove a calendar; removing it frees the slots', async () => {
    await request(server)
      .post(`/api/photographers/me/calendars/${connected.id}/sync`)
      .set(writeHeaders(other.who))
      .expect(404)
      .expect(({ body }) => expect(body.code).toBe('EXTERNAL_CALENDAR_NOT_FOUND'));
    await request(server)
      .delete(`/api/photographers/me/calendars/${connected.id}`)
      .set(writeHeaders(other.who))
      .expect(404);
    await request(server)
      .delete(`/api/photographers/me/calendars/not-an-id`)
      .set(writeHeaders(studio.who))
      .expect(400);
    await request(server)
      .delete(`/api/photographers/me/calendars/${connected.id}`)
      .set(writeHeaders(studio.who))
      .expect(204);
    expect((await list()).calendars).toEqual([]);
    expect(await slotsOn()).toContain(at('10:00'));
  });

  it('forgets a deleted account’s calendars', async () => {
    const leaving = await aListedPhotographer(server, await signInAdmin(server));
    const added = (
      await connect(leaving.who, { kind: 'ics', url: `${ics.url}?leaving` }).expect(201)
    ).body as ExternalCalendarDto;
    const calendars = t.app.get(DataSource).getRepository(ExternalCalendar);
    expect(await calendars.countBy({ id: added.id })).toBe(1);
    await request(server)
      .delete('/api/me')
      .set(writeHeaders(leaving.who))
      .send({ password: 'studio-light-42' })
      .expect(200);
    expect(await calendars.countBy({ id: added.id })).toBe(0);
  });
});

describe('connected calendars in production mode refuse private addresses (e2e)', () => {
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let ics: IcsServer;

  beforeAll(async () => {
    t = await startTestApp({ ...BOOKING_TEST_ENV, CALENDAR_ALLOW_PRIVATE_ADDRESSES: 'false' });
    server = t.app.getHttpServer() as App;
    studio = await aListedPhotographer(server, await signInAdmin(server));
    ics = await startIcsServer(calendar());
  });
  afterAll(async () => {
    await ics?.close();
    await t.close();
  });

  it.each([
    ['loopback', () => ics.url],
    ['localhost by name', () => ics.url.replace('127.0.0.1', 'localhost')],
    ['a private network', () => 'http://10.0.0.7/calendar.ics'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data'],
  ])('refuses %s with CALENDAR_ADDRESS_REFUSED and never connects', async (_, url) => {
    const served = ics.answered.length;
    const response = await request(server)
      .post('/api/photographers/me/calendars')
      .set(writeHeaders(studio.who))
      .send({ kind: 'ics', url: url() })
      .expect(422);
    expect(response.body.code).toBe('CALENDAR_ADDRESS_REFUSED');
    expect(ics.answered.length).toBe(served);
  });
});
