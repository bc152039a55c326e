import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import { AuditEvent } from '../../server/modules/audit/audit-event.entity';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import {
  aListedPhotographer,
  anAvailability,
  aPackageInput,
  aProfile,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;

describe('photographers, slots and bookings (e2e)', () => {
  let t: TestApp;
  let server: App;
  let admin: SignedIn;
  let studio: ListedPhotographer;
  let client: SignedIn;
  let slotCursor = 0;

  /** A different free slot for every test, ten days ahead or more, so tests never collide. */
  async function nextFreeSlot(target: ListedPhotographer = studio): Promise<string> {
    const from = new Date(Date.now() + 10 * 24 * HOUR).toISOString();
    const { slots } = await freeSlots(server, target.profile.id, target.packageId, { from });
    slotCursor += 3;
    return slots[slotCursor % slots.length]!;
  }
  async function hold(who: SignedIn, startsAt: string, packageId = studio.packageId) {
    return request(server)
      .post('/api/bookings')
      .set(writeHeaders(who))
      .send({ packageId, startsAt });
  }
  async function confirmedBooking(who: SignedIn = client): Promise<BookingDto> {
    const held = await hold(who, await nextFreeSlot());
    expect(held.status).toBe(201);
    const confirmed = await request(server)
      .post(`/api/bookings/${held.body.id}/confirm`)
      .set(writeHeaders(who))
      .expect(200);
    return confirmed.body as BookingDto;
  }
  /** Moves the app's clock to `offsetMs` from a booking's start (negative: before it). */
  function travelToStartOf(booking: BookingDto, offsetMs: number) {
    t.clock.travelTo(new Date(Date.parse(booking.startsAt) + offsetMs));
  }

  beforeAll(async () => {
    t = await startTestApp(BOOKING_TEST_ENV);
    server = t.app.getHttpServer() as App;
    admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin);
    client = await signUp(server, { role: 'client' });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  describe('profiles and approval', () => {
    it('keeps a new profile private until an admin approves it', async () => {
      const who = await signUp(server, { role: 'photographer' });
      const saved = await request(server)
        .put('/api/photographers/me')
        .set(writeHeaders(who))
        .send(aProfile({ displayName: 'Hidden Studio' }))
        .expect(200);
      expect(saved.body).toMatchObject({ approved: false, published: true });
      await request(server).get(`/api/photographers/${saved.body.id}`).expect(404);
      const listed = await request(server).get('/api/photographers').expect(200);
      expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(saved.body.id);

      await request(server)
        .post(`/api/admin/photographers/${saved.body.id}/approve`)
        .set(writeHeaders(admin))
        .expect(200);
      const visible = await request(server).get(`/api/photographers/${saved.body.id}`).expect(200);
      expect(visible.body.displayName).toBe('Hidden Studio');
    });

    it('lets only admins approve', async () => {
      const response = await request(server)
        .post(`/api/admin/photographers/${studio.profile.id}/approve`)
        .set(writeHeaders(studio.who))
        .expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    it('refuses overlapping weekly intervals with 400', async () => {
      const response = await request(server)
        .put('/api/photographers/me/availability')
        .set(writeHeaders(studio.who))
        .send(
          anAvailability({
            weekly: [
              { weekday: 2, start: '09:00', end: '13:00' },
              { weekday: 2, start: '12:00', end: '15:00' },
            ],
          }),
        )
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details).toEqual([expect.objectContaining({ path: 'weekly.1.start' })]);
    });

    it('stores a portfolio image re-encoded, serves it publicly for a listed profile, refuses non-images', async () => {
      const png = readFileSync(path.join(__dirname, '../fixtures/camera.png'));
      const uploaded = await request(server)
        .post('/api/photographers/me/portfolio')
        .set(writeHeaders(studio.who))
        .field('caption', 'Studio light')
        .attach('image', png, 'camera.png')
        .expect(201);
      const image = await request(server).get(uploaded.body.thumbUrl).expect(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expect(image.body.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      const notAnImage = await request(server)
        .post('/api/photographers/me/portfolio')
        .set(writeHeaders(studio.who))
        .attach('image', Buffer.from('just text, not a picture'), 'notes.jpg')
        .expect(415);
      expect(notAnImage.body.code).toBe('UNSUPPORTED_IMAGE_TYPE');
    });
  });

  describe('slots', () => {
    it('answers in UTC with the studio zone, on the local grid of the weekly hours', async () => {
      const slots = await freeSlots(server, studio.profile.id, studio.packageId);
      expect(slots.timeZone).toBe('Europe/Berlin');
      expect(slots.slots.length).toBeGreaterThan(10);
      const wall = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      for (const slot of slots.slots) {
        const [h, m] = wall.format(new Date(slot)).split(':').map(Number);
        expect(h! * 60 + m!).toBeGreaterThanOrEqual(8 * 60);
        expect(h! * 60 + m!).toBeLessThanOrEqual(19 * 60); // 60-minute sessions end by 20:00
        expect(m! % 30).toBe(0);
      }
      expect(Date.parse(slots.slots[0]!)).toBeGreaterThanOrEqual(Date.now() + HOUR - 60_000);
    });

    it.each([
      ['`from` after `to`', { from: '2030-02-01T00:00:00Z', to: '2030-01-01T00:00:00Z' }],
      ['a range over 93 days', { from: '2030-01-01T00:00:00Z', to: '2030-04-05T00:00:00Z' }],
    ])('refuses %s with 400', async (_, range) => {
      const response = await request(server)
        .get(`/api/photographers/${studio.profile.id}/slots`)
        .query({ packageId: studio.packageId, ...range })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('holding a slot', () => {
    it('holds a free slot for 15 minutes with a server-computed price and the policy snapshot', async () => {
      const startsAt = await nextFreeSlot();
      const response = await hold(client, startsAt);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        status: 'held',
        startsAt,
        timeZone: 'Europe/Berlin',
        price: { totalCents: 24_000, depositCents: 7_200, currency: 'EUR' },
        policy: {
          cancellationTiers: [
            { minHoursBefore: 168, refundPercent: 100 },
            { minHoursBefore: 48, refundPercent: 50 },
          ],
        },
      });
      const holdMinutes = (Date.parse(response.body.holdExpiresAt) - Date.now()) / 60_000;
      expect(holdMinutes).toBeGreaterThan(14);
      expect(holdMinutes).toBeLessThanOrEqual(15);
      const slots = await freeSlots(server, studio.profile.id, studio.packageId, {
        from: startsAt,
      });
      expect(slots.slots).not.toContain(startsAt);
    });

    it('answers a taken slot with 409 SLOT_TAKEN', async () => {
      const startsAt = await nextFreeSlot();
      await hold(client, startsAt).then((r) => expect(r.status).toBe(201));
      const other = await signUp(server, { role: 'client' });
      const response = await hold(other, startsAt);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('SLOT_TAKEN');
    });

    it.each([
      ['outside the weekly hours', () => nextDayAt(2, 21)],
      ['inside the minimum notice', () => new Date(Date.now() + 30 * 60_000)],
      ['off the half-hour grid', () => nextDayAt(3, 10, 10)],
      ['beyond the booking horizon', () => nextDayAt(90, 10)],
    ])('answers a slot %s with 409 SLOT_UNAVAILABLE', async (_, when) => {
      const response = await hold(client, when().toISOString());
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('SLOT_UNAVAILABLE');
    });

    it('answers an unknown package with 404 and an inactive one with 409', async () => {
      const unknown = await hold(
        client,
        await nextFreeSlot(),
        '3f1c1a3e-7d7b-4b8a-9c1e-2f4a5b6c7d8e',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('PACKAGE_NOT_FOUND');
      const paused = await request(server)
        .post('/api/photographers/me/packages')
        .set(writeHeaders(studio.who))
        .send(aPackageInput({ name: 'Paused', active: false }))
        .expect(201);
      const inactive = await hold(client, await nextFreeSlot(), paused.body.id);
      expect(inactive.status).toBe(409);
      expect(inactive.body.code).toBe('PACKAGE_INACTIVE');
    });

    it('never lets an expired hold block anyone, and records its expiry', async () => {
      const startsAt = await nextFreeSlot();
      const first = await hold(client, startsAt);
      t.clock.travelTo(new Date(Date.parse(first.body.holdExpiresAt) + 1000));
      const slots = await freeSlots(server, studio.profile.id, studio.packageId, {
        from: startsAt,
      });
      expect(slots.slots).toContain(startsAt);

      const other = await signUp(server, { role: 'client' });
      expect((await hold(other, startsAt)).status).toBe(201);
      const lapsed = await request(server)
        .get(`/api/bookings/${first.body.id}`)
        .set('Cookie', client.cookie)
        .expect(200);
      expect(lapsed.body.status).toBe('expired');
      const confirm = await request(server)
        .post(`/api/bookings/${first.body.id}/confirm`)
        .set(writeHeaders(client))
        .expect(409);
      expect(confirm.body.code).toBe('BOOKING_TRANSITION_NOT_ALLOWED');
      const events = await t.app
        .get(DataSource)
        .getRepository(AuditEvent)
        .findBy({ subjectId: first.body.id });
      expect(events.map((e) => `${e.action}:${e.toStatus}:${e.actorRole}`).sort()).toEqual([
        'expire:expired:system',
        'hold:held:client',
      ]);
    });
  });

  describe('the booking lifecycle', () => {
    it('confirms an instant booking with the payment due at the studio, and audits each step', async () => {
      const booking = await confirmedBooking();
      expect(booking.status).toBe('confirmed');
      expect(booking.holdExpiresAt).toBeNull();
      expect(booking.payment).toEqual({
        provider: 'manual',
        status: 'due_at_studio',
        currency: 'EUR',
        amountPaidCents: 0,
        amountRefundedCents: 0,
        amountDueCents: 24_000,
        payUrl: null,
        label: 'Pay at the studio — nothing is charged online',
      });
      expect(booking.allowedActions).toEqual(['cancel', 'reschedule']);
      const events = await request(server)
        .get(`/api/bookings/${booking.id}/events`)
        .set('Cookie', client.cookie)
        .expect(200);
      expect(
        events.body.map((e: { action: string; toStatus: string }) => `${e.action}→${e.toStatus}`),
      ).toEqual(['hold→held', 'confirm→confirmed']);
    });

    it('turns a hold into a request in approval mode; the photographer approves or declines', async () => {
      const approver = await aListedPhotographer(server, admin, {
        profile: { displayName: 'Approving Studio' },
        availability: { policy: { ...anAvailability().policy, bookingMode: 'approval' } },
      });
      const ask = async () => {
        const held = await hold(client, await nextFreeSlot(approver), approver.packageId);
        const requested = await request(server)
          .post(`/api/bookings/${held.body.id}/confirm`)
          .set(writeHeaders(client))
          .expect(200);
        expect(requested.body.status).toBe('requested');
        return held.body.id as string;
      };
      const first = await ask();
      const approved = await request(server)
        .post(`/api/bookings/${first}/approve`)
        .set(writeHeaders(approver.who))
        .expect(200);
      expect(approved.body).toMatchObject({
        status: 'confirmed',
        payment: { status: 'due_at_studio' },
      });
      const second = await ask();
      const declined = await request(server)
        .post(`/api/bookings/${second}/decline`)
        .set(writeHeaders(approver.who))
        .expect(200);
      expect(declined.body.status).toBe('declined');
      const again = await request(server)
        .post(`/api/bookings/${second}/approve`)
        .set(writeHeaders(approver.who))
        .expect(409);
      expect(again.body.code).toBe('BOOKING_TRANSITION_NOT_ALLOWED');
    });

    it('previews the refund from the tier snapshot, cancels, and refuses a second cancel', async () => {
      const booking = await confirmedBooking();
      // Three days before: the 48-hour tier applies even if the photographer changes the policy now.
      travelToStartOf(booking, -72 * HOUR);
      await request(server)
        .put('/api/photographers/me/availability')
        .set(writeHeaders(studio.who))
        .send(anAvailability({ policy: { ...anAvailability().policy, cancellationTiers: [] } }))
        .expect(200);
      const preview = await request(server)
        .get(`/api/bookings/${booking.id}/cancellation-preview`)
        .set('Cookie', client.cookie)
        .expect(200);
      expect(preview.body).toMatchObject({
        allowed: true,
        refundPercent: 50,
        refundCents: 0,
        amountPaidCents: 0,
        tierLabel: 'At least 2 days before: 50 % back',
      });
      await request(server)
        .put('/api/photographers/me/availability')
        .set(writeHeaders(studio.who))
        .send(anAvailability())
        .expect(200);

      const cancelled = await request(server)
        .post(`/api/bookings/${booking.id}/cancel`)
        .set(writeHeaders(client))
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled_by_client');
      const twice = await request(server)
        .post(`/api/bookings/${booking.id}/cancel`)
        .set(writeHeaders(client))
        .expect(409);
      expect(twice.body.code).toBe('BOOKING_TRANSITION_NOT_ALLOWED');
    });

    it('refuses to cancel after the session started (409 BOOKING_ALREADY_STARTED)', async () => {
      const booking = await confirmedBooking();
      travelToStartOf(booking, 10 * 60_000);
      const response = await request(server)
        .post(`/api/bookings/${booking.id}/cancel`)
        .set(writeHeaders(client))
        .expect(409);
      expect(response.body.code).toBe('BOOKING_ALREADY_STARTED');
    });

    it('reschedules to another free slot, keeps the booking, and refuses a taken one', async () => {
      const booking = await confirmedBooking();
      const target = await nextFreeSlot();
      const moved = await request(server)
        .post(`/api/bookings/${booking.id}/reschedule`)
        .set(writeHeaders(client))
        .send({ startsAt: target })
        .expect(200);
      expect(moved.body).toMatchObject({
        id: booking.id,
        status: 'rescheduled',
        startsAt: target,
        price: booking.price,
      });
      const taken = await confirmedBooking();
      const clash = await request(server)
        .post(`/api/bookings/${booking.id}/reschedule`)
        .set(writeHeaders(client))
        .send({ startsAt: taken.startsAt })
        .expect(409);
      expect(clash.body.code).toBe('SLOT_TAKEN');
      const outside = await request(server)
        .post(`/api/bookings/${booking.id}/reschedule`)
        .set(writeHeaders(client))
        .send({ startsAt: nextDayAt(4, 22).toISOString() })
        .expect(409);
      expect(outside.body.code).toBe('SLOT_UNAVAILABLE');
    });

    it('offers times overlapping the booking’s own current time when moving it, to its parties only', async () => {
      // The default test package lasts an hour on a half-hour grid: 30 minutes later overlaps it.
      // A start whose half-hour-later start is free too (not the last one of a day).
      const halfHourLater = (iso: string) => new Date(Date.parse(iso) + 30 * 60_000).toISOString();
      const { slots: free } = await freeSlots(server, studio.profile.id, studio.packageId, {
        from: new Date(Date.now() + 12 * 24 * HOUR).toISOString(),
      });
      const start = free.find((slot) => free.includes(halfHourLater(slot)))!;
      const held = await hold(client, start);
      expect(held.status).toBe(201);
      const booking = (
        await request(server)
          .post(`/api/bookings/${held.body.id}/confirm`)
          .set(writeHeaders(client))
          .expect(200)
      ).body as BookingDto;
      const later = halfHourLater(booking.startsAt);
      const range = {
        from: new Date(Date.parse(booking.startsAt) - 2 * HOUR).toISOString(),
        to: new Date(Date.parse(booking.startsAt) + 4 * HOUR).toISOString(),
      };
      const publicSlots = await freeSlots(server, studio.profile.id, studio.packageId, range);
      expect(publicSlots.slots).not.toContain(later);
      const { body } = await request(server)
        .get(`/api/bookings/${booking.id}/reschedule-slots`)
        .query(range)
        .set('Cookie', client.cookie)
        .expect(200);
      expect(body.packageId).toBe(studio.packageId);
      expect(body.slots).toEqual(expect.arrayContaining([later, booking.startsAt]));
      await request(server)
        .get(`/api/bookings/${booking.id}/reschedule-slots`)
        .set('Cookie', studio.who.cookie)
        .expect(200);
      const stranger = await signUp(server, { role: 'client' });
      await request(server)
        .get(`/api/bookings/${booking.id}/reschedule-slots`)
        .set('Cookie', stranger.cookie)
        .expect(404);

      const moved = await request(server)
        .post(`/api/bookings/${booking.id}/reschedule`)
        .set(writeHeaders(client))
        .send({ startsAt: later })
        .expect(200);
      expect(moved.body.startsAt).toBe(later);
    });

    it('completes or marks a no-show only after the start', async () => {
      const booking = await confirmedBooking();
      const early = await request(server)
        .post(`/api/bookings/${booking.id}/complete`)
        .set(writeHeaders(studio.who))
        .expect(409);
      expect(early.body.code).toBe('BOOKING_NOT_STARTED');
      travelToStartOf(booking, 2 * HOUR);
      const done = await request(server)
        .post(`/api/bookings/${booking.id}/complete`)
        .set(writeHeaders(studio.who))
        .expect(200);
      expect(done.body.status).toBe('completed');
      t.clock.reset();
      const other = await confirmedBooking();
      travelToStartOf(other, 2 * HOUR);
      const missed = await request(server)
        .post(`/api/bookings/${other.id}/no-show`)
        .set(writeHeaders(studio.who))
        .expect(200);
      expect(missed.body.status).toBe('no_show');
    });

    it('lists a booking for its client and its photographer only', async () => {
      const booking = await confirmedBooking();
      const mine = await request(server)
        .get('/api/bookings')
        .set('Cookie', client.cookie)
        .expect(200);
      expect(mine.body.items.map((b: BookingDto) => b.id)).toContain(booking.id);
      const theirs = await request(server)
        .get('/api/bookings')
        .set('Cookie', studio.who.cookie)
        .expect(200);
      const seen = theirs.body.items.find((b: BookingDto) => b.id === booking.id);
      expect(seen.allowedActions).toEqual(['cancel', 'reschedule']);
      const stranger = await signUp(server, { role: 'client' });
      const none = await request(server)
        .get('/api/bookings')
        .set('Cookie', stranger.cookie)
        .expect(200);
      expect(none.body.items).toEqual([]);
    });

    it("answers 404 to a client touching another client's booking", async () => {
      const booking = await confirmedBooking();
      const stranger = await signUp(server, { role: 'client' });
      for (const call of [
        request(server).get(`/api/bookings/${booking.id}`).set('Cookie', stranger.cookie),
        request(server).post(`/api/bookings/${booking.id}/cancel`).set(writeHeaders(stranger)),
        request(server)
          .get(`/api/bookings/${booking.id}/calendar.ics`)
          .set('Cookie', stranger.cookie),
      ]) {
        const response = await call;
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('BOOKING_NOT_FOUND');
      }
    });

    it("answers 404 to a photographer acting on another photographer's booking", async () => {
      const booking = await confirmedBooking();
      const rival = await aListedPhotographer(server, admin, {
        profile: { displayName: 'Rival Studio' },
      });
      const response = await request(server)
        .post(`/api/bookings/${booking.id}/cancel`)
        .set(writeHeaders(rival.who))
        .expect(404);
      expect(response.body.code).toBe('BOOKING_NOT_FOUND');
    });

    it('serves a calendar file with the UTC times and the studio zone', async () => {
      const booking = await confirmedBooking();
      const response = await request(server)
        .get(`/api/bookings/${booking.id}/calendar.ics`)
        .set('Cookie', client.cookie)
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      expect(response.text).toContain(`DTSTART:${utc(booking.startsAt)}\r\n`);
      expect(response.text).toContain(`DTEND:${utc(booking.endsAt)}\r\n`);
      expect(response.text).toContain('X-WR-TIMEZONE:Europe/Berlin');
      expect(response.text).toContain('STATUS:CONFIRMED');
    });
  });

  describe('directory search', () => {
    beforeAll(async () => {
      await aListedPhotographer(server, admin, {
        profile: {
          displayName: 'Cheap Lisbon',
          city: 'Lisbon',
          timeZone: 'Europe/Lisbon',
          styles: ['outdoor'],
        },
        pkg: { priceCents: 9_000 },
      });
      await aListedPhotographer(server, admin, {
        profile: {
          displayName: 'Weekend Lisbon',
          city: 'Lisbon',
          timeZone: 'Europe/Lisbon',
          styles: ['editorial'],
        },
        pkg: { priceCents: 30_000 },
        availability: {
          weekly: [6, 7].map((weekday) => ({ weekday, start: '10:00', end: '16:00' })),
        },
      });
    });

    it('filters by city (any case), style and maximum price, and sorts by price', async () => {
      const city = await request(server)
        .get('/api/photographers')
        .query({ city: 'lisbon', sort: 'price' })
        .expect(200);
      expect(city.body.items.map((p: { displayName: string }) => p.displayName)).toEqual([
        'Cheap Lisbon',
        'Weekend Lisbon',
      ]);
      expect(city.body.items[0]).toMatchObject({
        fromPriceCents: 9_000,
        currency: 'EUR',
        timeZone: 'Europe/Lisbon',
        nextFreeSlot: expect.any(String),
      });
      const style = await request(server)
        .get('/api/photographers')
        .query({ city: 'Lisbon', style: 'editorial' })
        .expect(200);
      expect(style.body.items.map((p: { displayName: string }) => p.displayName)).toEqual([
        'Weekend Lisbon',
      ]);
      const cheap = await request(server)
        .get('/api/photographers')
        .query({ city: 'Lisbon', maxPriceCents: 10_000 })
        .expect(200);
      expect(cheap.body.items.map((p: { displayName: string }) => p.displayName)).toEqual([
        'Cheap Lisbon',
      ]);
    });

    it('finds only photographers free on a date', async () => {
      const wednesday = nextWeekday(3);
      const response = await request(server)
        .get('/api/photographers')
        .query({ city: 'Lisbon', date: wednesday })
        .expect(200);
      expect(response.body.items.map((p: { displayName: string }) => p.displayName)).toEqual([
        'Cheap Lisbon',
      ]);
    });

    it('paginates', async () => {
      const response = await request(server)
        .get('/api/photographers')
        .query({ pageSize: 1, page: 2, sort: 'price' })
        .expect(200);
      expect(response.body.items).toHaveLength(1);
      expect(response.body.total).toBeGreaterThanOrEqual(3);
    });
  });
});

/** `days` from now at a Berlin wall time (approximate: good for far-from-grid checks). */
function nextDayAt(days: number, hour: number, minute = 0): Date {
  const date = new Date(Date.now() + days * 24 * HOUR).toISOString().slice(0, 10);
  const probe = new Date(`${date}T12:00:00Z`);
  const offset =
    Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(probe),
    ) - 12;
  return new Date(
    Date.UTC(
      probe.getUTCFullYear(),
      probe.getUTCMonth(),
      probe.getUTCDate(),
      hour - offset,
      minute,
    ),
  );
}

/** The next ISO weekday (1 = Monday) at least two days ahead, as a date. */
function nextWeekday(weekday: number): string {
  for (let days = 2; ; days += 1) {
    const date = new Date(Date.now() + days * 24 * HOUR);
    if (((date.getUTCDay() + 6) % 7) + 1 === weekday) return date.toISOString().slice(0, 10);
  }
}
