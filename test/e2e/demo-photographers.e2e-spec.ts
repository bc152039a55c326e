import request from 'supertest';
import type { App } from 'supertest/types';
import { SeedService } from '../../server/modules/seed/seed.service';
import type { AuditEventDto, BookingDto } from '../../shared/bookings/bookings.types';
import type { PhotographerSummaryDto } from '../../shared/photographers/photographers.types';
import { asSignedIn } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo photographers (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'true', SCRYPT_LOG_N: '14' });
    server = t.app.getHttpServer() as App;
  }, 180_000);
  afterAll(() => t.close());

  it('lists eight bookable photographers in three cities and three zones, each with a portfolio', async () => {
    const response = await request(server)
      .get('/api/photographers')
      .query({ pageSize: 50 })
      .expect(200);
    const items = response.body.items as PhotographerSummaryDto[];
    expect(items).toHaveLength(8);
    expect(new Set(items.map((p) => p.city))).toEqual(new Set(['Berlin', 'New York', 'Sydney']));
    expect(new Set(items.map((p) => p.timeZone))).toEqual(
      new Set(['Europe/Berlin', 'America/New_York', 'Australia/Sydney']),
    );
    for (const item of items) {
      expect(item.coverImageUrl).toEqual(expect.any(String));
      expect(item.fromPriceCents).toBeGreaterThan(0);
      expect(item.nextFreeSlot).toEqual(expect.any(String));
    }
    const cover = await request(server).get(items[0]!.coverImageUrl!).expect(200);
    expect(cover.headers['content-type']).toBe('image/jpeg');
  });

  it('gives the demo photographer account a studio it can manage', async () => {
    const login = await request(server)
      .post('/api/auth/login')
      .send({ email: 'photographer@demo.lensbridge.test', password: 'lensbridge-demo' })
      .expect(200);
    const me = await request(server)
      .get('/api/photographers/me')
      .set('Cookie', asSignedIn(login).cookie)
      .expect(200);
    expect(me.body).toMatchObject({
      displayName: 'Jonas Weber Studio',
      approved: true,
      published: true,
    });
    expect(me.body.packages).toHaveLength(3);
    expect(me.body.portfolio).toHaveLength(3);
  });

  it('gives the demo client a completed session whose history went through the state machine', async () => {
    const login = await request(server)
      .post('/api/auth/login')
      .send({ email: 'client@demo.lensbridge.test', password: 'lensbridge-demo' })
      .expect(200);
    const cookie = asSignedIn(login).cookie;
    const list = await request(server).get('/api/bookings').set('Cookie', cookie).expect(200);
    const completed = (list.body.items as BookingDto[]).filter((b) => b.status === 'completed');
    expect(completed).toHaveLength(1);
    const booking = completed[0]!;
    expect(booking).toMatchObject({
      payment: { status: 'due_at_studio' },
      photographer: { name: 'Jonas Weber Studio' },
    });
    expect(new Date(booking.startsAt).getTime()).toBeLessThan(Date.now());
    const events = await request(server)
      .get(`/api/bookings/${booking.id}/events`)
      .set('Cookie', cookie)
      .expect(200);
    const history = (events.body as AuditEventDto[]).map((e) => [
      e.action,
      e.fromStatus,
      e.toStatus,
      e.actorRole,
    ]);
    expect(history).toEqual([
      ['hold', null, 'held', 'client'],
      ['confirm', 'held', 'confirmed', 'client'],
      ['complete', 'confirmed', 'completed', 'photographer'],
    ]);
    const times = (events.body as AuditEventDto[]).map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[2]).toBe(new Date(booking.endsAt).getTime());
  });

  it('is idempotent: seeding again changes nothing', async () => {
    const again = await t.app.get(SeedService).seedDemoData();
    expect(again.created).toEqual([]);
    const response = await request(server)
      .get('/api/photographers')
      .query({ pageSize: 50 })
      .expect(200);
    expect(response.body.total).toBe(8);
  });
});
