import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { BookingWriter } from '../../server/modules/bookings/booking-writer';
import { Booking } from '../../server/modules/bookings/booking.entity';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import {
  aListedPhotographer,
  anAvailability,
  aPackageInput,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

const CONCURRENT = 50;
const MINUTE = 60_000;

/**
 * Pairs of bookings of one photographer that both hold time and whose blocked ranges overlap.
 * Plain SQL that runs unchanged on SQLite and PostgreSQL; must always be zero.
 */
const OVERLAPPING_ACTIVE_BOOKINGS = `
  SELECT COUNT(*) AS overlaps
  FROM bookings a
  JOIN bookings b ON a.photographer_id = b.photographer_id AND a.id < b.id
  WHERE a.status IN ('held', 'requested', 'confirmed', 'rescheduled')
    AND b.status IN ('held', 'requested', 'confirmed', 'rescheduled')
    AND a.blocked_from < b.blocked_until
    AND b.blocked_from < a.blocked_until`;

describe('booking under contention (e2e, SQLite and PostgreSQL)', () => {
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let clients: SignedIn[];
  const packages: { id: string; durationMinutes: number }[] = [];

  const overlaps = async () => {
    const [row] = await t.app.get(DataSource).query(OVERLAPPING_ACTIVE_BOOKINGS);
    return Number(row.overlaps);
  };

  beforeAll(async () => {
    t = await startTestApp(BOOKING_TEST_ENV);
    server = t.app.getHttpServer() as App;
    const admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin, {
      availability: {
        policy: {
          ...anAvailability().policy,
          bufferBeforeMinutes: 15,
          bufferAfterMinutes: 15,
          slotStepMinutes: 15,
        },
      },
    });
    packages.push({ id: studio.packageId, durationMinutes: 60 });
    for (const durationMinutes of [90, 120]) {
      const created = await request(server)
        .post('/api/photographers/me/packages')
        .set(writeHeaders(studio.who))
        .send(aPackageInput({ name: `${durationMinutes}-minute session`, durationMinutes }))
        .expect(201);
      packages.push({ id: created.body.id, durationMinutes });
    }
    clients = [];
    for (let i = 0; i < CONCURRENT; i += 1) clients.push(await signUp(server, { role: 'client' }));
  });
  afterAll(() => t.close());

  it(`lets exactly one of ${CONCURRENT} simultaneous requests for one slot through`, async () => {
    const from = new Date(Date.now() + 3 * 24 * 60 * MINUTE).toISOString();
    const [startsAt] = (await freeSlots(server, studio.profile.id, studio.packageId, { from }))
      .slots;
    const responses = await Promise.all(
      clients.map((who) =>
        request(server)
          .post('/api/bookings')
          .set(writeHeaders(who))
          .send({ packageId: studio.packageId, startsAt }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CONCURRENT - 1);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(
      new Set(['SLOT_TAKEN']),
    );
    expect(await overlaps()).toBe(0);
  });

  it(`keeps ${CONCURRENT} simultaneous requests for overlapping slots of different packages apart`, async () => {
    // 08:00 UTC five days ahead (morning in Berlin), whatever the time of day the suite runs:
    // the two-hour package must still end inside the studio's hours from the eighth start.
    const day = new Date(Date.now() + 5 * 24 * 60 * MINUTE);
    const from = new Date(
      Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8),
    ).toISOString();
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, { from });
    // Starts 15 minutes apart over two hours: every request overlaps several others.
    const starts = slots.slice(0, 8);
    const requests = clients.map((who, i) => ({
      who,
      pkg: packages[i % packages.length]!,
      startsAt: starts[i % starts.length]!,
    }));
    const responses = await Promise.all(
      requests.map(({ who, pkg, startsAt }) =>
        request(server)
          .post('/api/bookings')
          .set(writeHeaders(who))
          .send({ packageId: pkg.id, startsAt }),
      ),
    );
    const won = requests.filter((_, i) => responses[i]!.status === 201);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(
      responses.every(
        (r) => r.status === 201 || (r.status === 409 && ['SLOT_TAKEN'].includes(r.body.code)),
      ),
    ).toBe(true);
    // The winners' ranges, buffers included, never meet.
    const ranges = won
      .map(
        ({ pkg, startsAt }) =>
          [
            Date.parse(startsAt) - 15 * MINUTE,
            Date.parse(startsAt) + (pkg.durationMinutes + 15) * MINUTE,
          ] as const,
      )
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i += 1)
      expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    expect(await overlaps()).toBe(0);
  });

  it(`lets the database alone decide: ${CONCURRENT} direct writes of one range, one succeeds`, async () => {
    // No slot pre-check here: only the writer (BEGIN IMMEDIATE / the exclusion constraint).
    const template = await t.app
      .get(DataSource)
      .getRepository(Booking)
      .findOneByOrFail({ status: 'held' });
    const writer = t.app.get(BookingWriter);
    const startsAt = new Date(template.startsAt.getTime() + 30 * 24 * 60 * MINUTE);
    const range = {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * MINUTE),
      blockedFrom: startsAt,
      blockedUntil: new Date(startsAt.getTime() + 60 * MINUTE),
    };
    const now = new Date();
    const results = await Promise.allSettled(
      clients.map((who) =>
        writer.insert(
          Object.assign(new Booking(), template, range, {
            id: randomUUID(),
            clientId: who.session.user.id,
            createdAt: now,
            updatedAt: now,
          }),
          {
            action: 'hold',
            fromStatus: null,
            toStatus: 'held',
            actorId: who.session.user.id,
            actorRole: 'client',
            details: null,
          },
          now,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { code?: string }).code] : [],
    );
    expect(new Set(reasons)).toEqual(new Set(['SLOT_TAKEN']));
    expect(await overlaps()).toBe(0);
  });

  it('the invariant query does see an overlap when one is forced past the API (it can fail)', async () => {
    if (t.dialect === 'postgres') {
      // PostgreSQL itself refuses the forced row: the exclusion constraint is real.
      const [row] = await t.app
        .get(DataSource)
        .query(
          `SELECT id, photographer_id, package_id, client_id FROM bookings WHERE status = 'held' LIMIT 1`,
        );
      await expect(
        t.app.get(DataSource).query(
          `INSERT INTO bookings (id, client_id, photographer_id, package_id, status, starts_at, ends_at, blocked_from, blocked_until, hold_expires_at, time_zone, price, policy, created_at, updated_at)
           SELECT gen_random_uuid(), client_id, photographer_id, package_id, 'confirmed', starts_at, ends_at, blocked_from, blocked_until, NULL, time_zone, price, policy, created_at, updated_at
           FROM bookings WHERE id = $1`,
          [row.id],
        ),
      ).rejects.toThrow(/ex_bookings_no_overlap/);
      return;
    }
    await t.app.get(DataSource).query(
      `INSERT INTO bookings (id, client_id, photographer_id, package_id, status, starts_at, ends_at, blocked_from, blocked_until, hold_expires_at, time_zone, price, policy, payment_provider, payment_status, amount_paid_cents, sequence, created_at, updated_at)
       SELECT 'forced-overlap', client_id, photographer_id, package_id, 'confirmed', starts_at, ends_at, blocked_from, blocked_until, NULL, time_zone, price, policy, payment_provider, payment_status, amount_paid_cents, sequence, created_at, updated_at
       FROM bookings WHERE status = 'held' LIMIT 1`,
    );
    expect(await overlaps()).toBeGreaterThan(0);
    await t.app.get(DataSource).query(`DELETE FROM bookings WHERE id = 'forced-overlap'`);
  });
});
