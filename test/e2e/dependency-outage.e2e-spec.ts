import request from 'supertest';
import type { App } from 'supertest/types';
import { aRegistration, signUp } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { type RunningS3, startS3 } from '../support/s3-server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TEST_POSTGRES_URL, type TestApp, waitUntil } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * PostgreSQL or the S3 storage going away mid-run: the routes that need them answer 503
 * DEPENDENCY_UNAVAILABLE naming what is down (never a bare 500), health says the same, and
 * everything works again once it is back, without a restart. PostgreSQL is reached through a
 * relay the test interrupts; the S3 server is stopped and started on its port.
 */
describe('Dependency outages (e2e, PostgreSQL + S3)', () => {
  let pg: TcpProxy;
  let s3: RunningS3;
  let target: TestApp;
  let server: App;

  beforeAll(async () => {
    const upstream = new URL(TEST_POSTGRES_URL);
    pg = await startTcpProxy(upstream.hostname, Number(upstream.port || 5432));
    s3 = await startS3();
    target = await startTestApp(s3.env, {
      postgres: true,
      viaDatabaseUrl: (url) => {
        const via = new URL(url);
        via.hostname = '127.0.0.1';
        via.port = String(pg.port);
        return via.toString();
      },
    });
    server = target.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await pg?.resume();
    await target?.close();
    await s3?.close();
    await pg?.close();
  });

  it('answers 503 naming the database while PostgreSQL is away, and recovers', async () => {
    await request(server).get('/api/photographers').expect(200);
    await pg.stop();
    try {
      const listed = await request(server).get('/api/photographers');
      expect(listed.status).toBe(503);
      expect(listed.body).toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { dependency: 'database' },
      });
      expect(listed.headers['retry-after']).toBe('5');
      const health = await request(server).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.down).toEqual(['database']);
      // A write that needs the database: refused the same way, nothing half-done.
      const signUpAttempt = await request(server).post('/api/auth/register').send(aRegistration());
      expect(signUpAttempt.status).toBe(503);
    } finally {
      await pg.resume();
    }
    await waitUntil(async () => (await request(server).get('/api/photographers')).status === 200);
    expect((await request(server).get('/api/health')).status).toBe(200);
  });

  it('answers 503 naming the storage while S3 is away, and recovers', async () => {
    const me = await signUp(server, { role: 'client' });
    const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
    const draft = await waitForDraft(server, me, created.body.id);
    expect(draft.status).toBe('ready');
    const imageUrl = draft.variants[0].previewUrl!;
    await request(server).get(imageUrl).set('Cookie', me.cookie).expect(200);
    await s3.stop();
    try {
      const image = await request(server).get(imageUrl).set('Cookie', me.cookie);
      expect(image.status).toBe(503);
      expect(image.body).toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { dependency: 'storage' },
      });
      // What needs only the database still answers.
      await request(server).get(`/api/drafts/${draft.id}`).set('Cookie', me.cookie).expect(200);
    } finally {
      await s3.resume();
    }
    await request(server).get(imageUrl).set('Cookie', me.cookie).expect(200);
  });
});
