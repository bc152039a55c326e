import request from 'supertest';
import type { App } from 'supertest/types';
import { type SignedIn, signUp, writeHeaders } from '../support/accounts';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * One client must not take a photographer's whole day: at most BOOKING_MAX_ACTIVE_HOLDS
 * unconfirmed holds at once (429 TOO_MANY_HOLDS) and BOOKING_MAX_PER_PHOTOGRAPHER upcoming
 * bookings with one photographer (409 TOO_MANY_BOOKINGS_WITH_PHOTOGRAPHER), also when the
 * requests arrive at once.
 */
describe('Booking limits per client (e2e)', () => {
  let t: TestApp;
  let server: App;
  let admin: SignedIn;
  let studio: ListedPhotographer;
  let other: ListedPhotographer;
  let slots: string[];

  beforeAll(async () => {
    t = await startTestApp({
      ...BOOKING_TEST_ENV,
      BOOKING_MAX_ACTIVE_HOLDS: '2',
      BOOKING_MAX_PER_PHOTOGRAPHER: '3',
    });
    server = t.app.getHttpServer() as App;
    admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin);
    other = await aListedPhotographer(server, admin);
    const from = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    const free = await freeSlots(server, studio.profile.id, studio.packageId, { from });
    // Slots far enough apart that no two overlap (the package and its buffers).
    slots = free.slots.reduce<string[]>(
      (kept, at) =>
        kept.length === 0 || Date.parse(at) - Date.parse(kept.at(-1)!) >= 3 * 3_600_000
          ? [...kept, at]
          : kept,
      [],
    );
    expect(slots.length).toBeGreaterThanOrEqual(20);
  });
  afterAll(() => t.close());

  const hold = (who: SignedIn, packageId: string, startsAt: string) =>
    request(server).post('/api/bookings').set(writeHeaders(who)).send({ packageId, startsAt });
  const confirm = (who: SignedIn, id: string) =>
    request(server).post(`/api/bookings/${id}/confirm`).set(writeHeaders(who)).expect(200);

  it('refuses a third unconfirmed hold with 429, and allows it once one is confirmed', async () => {
    const client = await signUp(server, { role: 'client' });
    const first = await hold(client, studio.packageId, slots[0]).expect(201);
    await hold(client, studio.packageId, slots[1]).expect(201);
    const third = await hold(client, studio.packageId, slots[2]);
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'TOO_MANY_HOLDS', details: { limit: 2 } });
    expect(third.body.message).toContain('already holding 2 unconfirmed slots');
    expect(third.headers['retry-after']).toBeDefined();
    // The slot stays free for everyone else.
    const someoneElse = await signUp(server, { role: 'client' });
    await hold(someoneElse, studio.packageId, slots[2]).expect(201);

    await confirm(client, first.body.id);
    await hold(client, studio.packageId, slots[3]).expect(201);
  });

  it('refuses a fourth upcoming booking with one photographer with 409, not with another', async () => {
    const client = await signUp(server, { role: 'client' });
    for (const at of [slots[5], slots[6], slots[7]]) {
      const held = await hold(client, studio.packageId, at).expect(201);
      await confirm(client, held.body.id);
    }
    const fourth = await hold(client, studio.packageId, slots[8]);
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({
      code: 'TOO_MANY_BOOKINGS_WITH_PHOTOGRAPHER',
      details: { limit: 3 },
    });
    const from = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    const elsewhere = await freeSlots(server, other.profile.id, other.packageId, { from });
    await hold(client, other.packageId, elsewhere.slots[0]).expect(201);
  });

  it('lets only two of ten holds sent at once through', async () => {
    const client = await signUp(server, { role: 'client' });
    const results = await Promise.all(
      slots.slice(10, 20).map((at) => hold(client, studio.packageId, at)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
  });
});
