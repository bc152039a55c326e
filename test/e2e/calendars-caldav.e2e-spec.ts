import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { ExternalCalendarDto } from '../../shared/calendars/calendars.types';
import { BookingCalendarWrites } from '../../server/modules/bookings/booking-calendar-writes.service';
import { CalendarsService } from '../../server/modules/calendars/calendars.service';
import { ExternalCalendar } from '../../server/modules/calendars/external-calendar.entity';
import { startIcsServer } from '../support/ics-server';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { type RunningRadicale, startRadicale } from '../support/radicale';
import { startTestApp, type TestApp } from '../support/test-app';

const ZONE = 'Europe/Berlin';
const day = DateTime.now().setZone(ZONE).plus({ days: 12 }).startOf('day');
const at = (time: string, days = 0) => {
  const [hour, minute] = time.split(':').map(Number);
  return day.plus({ days }).set({ hour, minute }).toUTC().toISO()!;
};
const local = (time: string, days = 0) =>
  `${day.plus({ days }).toFormat('yyyyMMdd')}T${time.replace(':', '')}00`;
const vevent = (uid: string, start: string, end: string, summary = 'Busy') =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Apple Inc.//macOS 15//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${ZONE}:${start}`,
    `DTEND;TZID=${ZONE}:${end}`,
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('connected calendars: CalDAV against Radicale (e2e)', () => {
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let client: SignedIn;
  let radicale: RunningRadicale;
  let collection: string;
  let connected: ExternalCalendarDto;

  beforeAll(async () => {
    radicale = await startRadicale();
    t = await startTestApp(BOOKING_TEST_ENV);
    server = t.app.getHttpServer() as App;
    studio = await aListedPhotographer(server, await signInAdmin(server), {
      profile: { timeZone: ZONE, displayName: 'Ana Studio' },
    });
    client = await signUp(server, { role: 'client', name: 'Carl Client' });
    collection = await radicale.makeCalendar('ana', 'work', { displayName: 'Ana work' });
    await radicale.putEvent(
      'ana',
      collection,
      'dentist.ics',
      vevent('dentist', local('10:00'), local('11:00'), 'Dentist'),
    );
    await radicale.putEvent(
      'ana',
      collection,
      'gym.ics',
      vevent('gym', local('15:00'), local('16:00'), 'Gym'),
    );
  });
  afterAll(async () => {
    await t?.close();
    await radicale?.close();
  });

  const slotsOn = async (days = 0) =>
    (
      await freeSlots(server, studio.profile.id, studio.packageId, {
        from: at('00:00', days),
        to: at('23:59', days),
      })
    ).slots;
  const connect = (body: object) =>
    request(server)
      .post('/api/photographers/me/calendars')
      .set(writeHeaders(studio.who))
      .send(body);
  const syncNow = async () =>
    (
      await request(server)
        .post(`/api/photographers/me/calendars/${connected.id}/sync`)
        .set(writeHeaders(studio.who))
        .expect(200)
    ).body as ExternalCalendarDto;
  const ours = async () =>
    (await radicale.listEvents('ana', collection)).filter((e) => e.data.includes('@lensbridge'));

  it('refuses a wrong password or a server that is not CalDAV, with the reason', async () => {
    const wrong = await connect({
      kind: 'caldav',
      url: radicale.url,
      username: 'ana',
      password: 'not-it',
    }).expect(422);
    expect(wrong.body.code).toBe('CALENDAR_AUTH_FAILED');
    expect(wrong.body.message).toMatch(/password/);
    const web = await startIcsServer('');
    try {
      web.mode = 'html';
      const notDav = await connect({
        kind: 'caldav',
        url: web.url,
        username: 'ana',
        password: 'ana-secret',
      }).expect(422);
      expect(notDav.body.code).toBe('CALENDAR_NOT_CALDAV');
    } finally {
      await web.close();
    }
    const list = await request(server)
      .get('/api/photographers/me/calendars')
      .set('Cookie', studio.who.cookie)
      .expect(200);
    expect(list.body.calendars).toEqual([]);
  });

  it('finds the calendar from the server address, keeps the password sealed, and blocks its events', async () => {
    const response = await connect({
      kind: 'caldav',
      url: radicale.url,
      username: 'ana',
      password: 'ana-secret',
    }).expect(201);
    connected = response.body as ExternalCalendarDto;
    expect(connected).toMatchObject({
      kind: 'caldav',
      name: 'Ana work',
      username: 'ana',
      writesBookings: true,
      status: 'ok',
      eventCount: 2,
    });
    const row = await t.app
      .get(DataSource)
      .getRepository(ExternalCalendar)
      .findOneByOrFail({ id: connected.id });
    expect(row.passwordSealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('ana-secret');
    expect(JSON.stringify(connected)).not.toContain('ana-secret');

    const slots = await slotsOn();
    expect(slots).not.toContain(at('10:00'));
    expect(slots).not.toContain(at('15:00'));
    expect(slots).toContain(at('12:00'));
  });

  it('syncs only what changed on the server', async () => {
    await radicale.putEvent(
      'ana',
      collection,
      'gym.ics',
      vevent('gym', local('17:00'), local('18:00'), 'Gym'),
    );
    const dentist = (await radicale.listEvents('ana', collection)).find((e) =>
      e.data.includes('UID:dentist'),
    )!;
    await radicale.deleteEvent('ana', dentist.href);
    expect(await syncNow()).toMatchObject({ status: 'ok', eventCount: 1 });
    const slots = await slotsOn();
    expect(slots).toContain(at('10:00'));
    expect(slots).toContain(at('15:00'));
    expect(slots).not.toContain(at('17:00'));
  });

  it('writes a confirmed booking into the calendar, moves it on reschedule, removes it on cancel', async () => {
    const booking = (
      await request(server)
        .post('/api/bookings')
        .set(writeHeaders(client))
        .send({ packageId: studio.packageId, startsAt: at('12:00', 1) })
        .expect(201)
    ).body as BookingDto;
    const writes = t.app.get(BookingCalendarWrites);
    // A hold is nobody's session yet.
    await writes.writeAll();
    expect(await ours()).toEqual([]);

    await request(server)
      .post(`/api/bookings/${booking.id}/confirm`)
      .set(writeHeaders(client))
      .expect(200);
    await writes.writeAll();
    let written = await ours();
    expect(written).toHaveLength(1);
    const event = () => {
      const component = new ICAL.Component(ICAL.parse(written[0]!.data));
      expect(component.getFirstPropertyValue('method')).toBeNull();
      return new ICAL.Event(component.getFirstSubcomponent('vevent')!);
    };
    expect(event().uid).toBe(`booking-${booking.id}@lensbridge`);
    expect(event().summary).toBe('Executive headshot with Carl Client');
    expect(event().startDate.toJSDate().toISOString()).toBe(new Date(at('12:00', 1)).toISOString());
    // Unchanged: nothing is written again (same ETag).
    const etag = written[0]!.etag;
    await writes.writeAll();
    expect((await ours())[0]!.etag).toBe(etag);
    // Our own event coming back from the calendar is not a clash and blocks nothing twice.
    await syncNow();
    const conflicts = await request(server)
      .get('/api/photographers/me/calendar-conflicts')
      .set('Cookie', studio.who.cookie)
      .expect(200);
    expect(conflicts.body.bookings).toEqual([]);

    await request(server)
      .post(`/api/bookings/${booking.id}/reschedule`)
      .set(writeHeaders(client))
      .send({ startsAt: at('13:00', 2) })
      .expect(200);
    // The moved booking's old time is free again, although its event is still in the
    // calendar until the next write.
    expect(await slotsOn(1)).toContain(at('12:00', 1));
    await writes.writeAll();
    written = await ours();
    expect(written).toHaveLength(1);
    expect(event().startDate.toJSDate().toISOString()).toBe(new Date(at('13:00', 2)).toISOString());

    await request(server)
      .post(`/api/bookings/${booking.id}/cancel`)
      .set(writeHeaders(client))
      .expect(200);
    await writes.writeAll();
    expect(await ours()).toEqual([]);
  });

  it('shows an outage as an error on the calendar, keeps its busy time and recovers', async () => {
    await radicale.stop();
    const failed = await syncNow();
    expect(failed).toMatchObject({ status: 'error', error: { code: 'CALENDAR_UNREACHABLE' } });
    expect(await slotsOn()).not.toContain(at('17:00'));
    await radicale.resume();
    expect(await syncNow()).toMatchObject({ status: 'ok', error: null });
  });

  it('syncs every due calendar on the schedule', async () => {
    t.clock.advance(20 * 60_000);
    try {
      await radicale.putEvent(
        'ana',
        collection,
        'late.ics',
        vevent('late', local('19:00'), local('20:00')),
      );
      const synced = await t.app.get(CalendarsService).syncDue();
      expect(synced).toBe(1);
      expect(await slotsOn()).not.toContain(at('19:00'));
    } finally {
      t.clock.reset();
    }
  });
});
