import ICAL from 'ical.js';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const FEED_URL = /^https:\/\/studio\.example\.test\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/;

describe('the photographer calendar feed (e2e)', () => {
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let client: SignedIn;
  let slotCursor = 0;

  beforeAll(async () => {
    t = await startTestApp({ ...BOOKING_TEST_ENV, PUBLIC_URL: 'https://studio.example.test' });
    server = t.app.getHttpServer() as App;
    const admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin, { profile: { displayName: 'Feed Studio' } });
    client = await signUp(server, { role: 'client', name: 'Ann Client' });
  });
  afterAll(() => t.close());

  async function nextFreeSlot(): Promise<string> {
    const from = new Date(Date.now() + 10 * 24 * HOUR).toISOString();
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, { from });
    slotCursor += 3;
    return slots[slotCursor % slots.length]!;
  }
  async function held(): Promise<BookingDto> {
    const response = await request(server)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({ packageId: studio.packageId, startsAt: await nextFreeSlot() })
      .expect(201);
    return response.body as BookingDto;
  }
  async function confirmed(): Promise<BookingDto> {
    const booking = await held();
    await request(server)
      .post(`/api/bookings/${booking.id}/confirm`)
      .set(writeHeaders(client))
      .expect(200);
    return booking;
  }
  const cancel = (id: string) =>
    request(server).post(`/api/bookings/${id}/cancel`).set(writeHeaders(client)).expect(200);

  async function feedUrl(): Promise<string> {
    const response = await request(server)
      .get('/api/photographers/me/calendar-feed')
      .set('Cookie', studio.who.cookie)
      .expect(200);
    expect(response.body.url).toMatch(FEED_URL);
    return response.body.url as string;
  }
  /** The feed as a calendar app gets it: no cookie, just the URL. */
  const fetchFeed = (url: string) => request(server).get(new URL(url).pathname);

  function eventsIn(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = new Map(
      calendar.getAllSubcomponents('vevent').map((v) => {
        const event = new ICAL.Event(v);
        return [event.uid, { event, status: v.getFirstPropertyValue('status') }] as const;
      }),
    );
    return { calendar, events };
  }

  it('serves the bookings at a secret URL, in the studio zone, with stable UIDs and no client email', async () => {
    const url = await feedUrl();
    expect(await feedUrl()).toBe(url);
    const booking = await confirmed();
    const abandoned = await held();
    await cancel(abandoned.id);
    const pending = await held();

    const response = await fetchFeed(url).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    const { calendar, events } = eventsIn(response.text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Feed Studio (Lensbridge)');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(
      calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    ).toEqual(['Europe/Berlin']);
    // Holds, live or abandoned before paying, are nobody's session yet.
    expect([...events.keys()]).toEqual([`booking-${booking.id}@lensbridge`]);
    expect(response.text).not.toContain(abandoned.id);
    expect(response.text).not.toContain(pending.id);
    const { event, status } = events.get(`booking-${booking.id}@lensbridge`)!;
    expect(status).toBe('CONFIRMED');
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
    expect(event.summary).toBe('Executive headshot with Ann Client');
    expect(event.location).toBe('Torstraße 1, 10119 Berlin');
    expect(event.description).toContain(`https://studio.example.test/app/bookings/${booking.id}`);
    expect(response.text).not.toContain(client.session.user.email);

    const again = await fetchFeed(url).expect(200);
    expect([...eventsIn(again.text).events.keys()]).toEqual([...events.keys()]);
    // Nothing changed: a calendar app asking with the ETag gets 304 and no body.
    await fetchFeed(url).set('If-None-Match', response.headers.etag!).expect(304);
  });

  it('bumps SEQUENCE on a reschedule and shows a cancellation as STATUS:CANCELLED', async () => {
    const url = await feedUrl();
    const moved = await confirmed();
    const cancelled = await confirmed();
    const before = eventsIn((await fetchFeed(url).expect(200)).text).events;
    const sequenceBefore = before.get(`booking-${moved.id}@lensbridge`)!.event.sequence;

    await request(server)
      .post(`/api/bookings/${moved.id}/reschedule`)
      .set(writeHeaders(client))
      .send({ startsAt: await nextFreeSlot() })
      .expect(200);
    await cancel(cancelled.id);

    const after = await fetchFeed(url).expect(200);
    const { events } = eventsIn(after.text);
    expect(events.get(`booking-${moved.id}@lensbridge`)!.event.sequence).toBeGreaterThan(
      sequenceBefore,
    );
    expect(events.get(`booking-${cancelled.id}@lensbridge`)!.status).toBe('CANCELLED');
  });

  it('makes a new link on rotate: the old URL answers 404 at once, the new one works', async () => {
    const old = await feedUrl();
    const rotated = await request(server)
      .post('/api/photographers/me/calendar-feed/rotate')
      .set(writeHeaders(studio.who))
      .expect(200);
    expect(rotated.body.url).toMatch(FEED_URL);
    expect(rotated.body.url).not.toBe(old);
    expect(await feedUrl()).toBe(rotated.body.url);
    const gone = await fetchFeed(old).expect(404);
    expect(gone.body.code).toBe('CALENDAR_FEED_NOT_FOUND');
    await fetchFeed(rotated.body.url).expect(200);
  });

  it('answers an unknown or malformed token with 404 and the API error body', async () => {
    for (const token of ['A'.repeat(43), 'nonsense']) {
      const response = await request(server).get(`/api/calendar-feeds/${token}.ics`).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'CALENDAR_FEED_NOT_FOUND' });
    }
  });

  it('gives a photographer not yet approved (no profile even) a link to an empty calendar', async () => {
    const newcomer = await signUp(server, { role: 'photographer' });
    const response = await request(server)
      .get('/api/photographers/me/calendar-feed')
      .set('Cookie', newcomer.cookie)
      .expect(200);
    const feed = await fetchFeed(response.body.url as string).expect(200);
    expect(eventsIn(feed.text).events.size).toBe(0);
  });

  it('closes the feed when the photographer deletes their account', async () => {
    const leaving = await signUp(server, { role: 'photographer', password: 'studio-light-43' });
    const link = await request(server)
      .get('/api/photographers/me/calendar-feed')
      .set('Cookie', leaving.cookie)
      .expect(200);
    await fetchFeed(link.body.url as string).expect(200);
    await request(server)
      .delete('/api/me')
      .set(writeHeaders(leaving))
      .send({ password: 'studio-light-43' })
      .expect(200);
    const gone = await fetchFeed(link.body.url as string).expect(404);
    expect(gone.body).toMatchObject({ code: 'CALENDAR_FEED_NOT_FOUND' });
  });

  it('keeps the /me routes to photographers: 401 without a session, 403 for a client', async () => {
    await request(server).get('/api/photographers/me/calendar-feed').expect(401);
    await request(server).post('/api/photographers/me/calendar-feed/rotate').expect(401);
    await request(server)
      .get('/api/photographers/me/calendar-feed')
      .set('Cookie', client.cookie)
      .expect(403);
    await request(server)
      .post('/api/photographers/me/calendar-feed/rotate')
      .set(writeHeaders(client))
      .expect(403);
  });
});
