import request from 'supertest';
import type { App } from 'supertest/types';
import { Queue } from 'bullmq';
import { RENDER_QUEUE_NAME } from '../../server/modules/drafts/bullmq-render-queue.service';
import { aRegistration, signUp } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { testRedis, type TestRedis } from '../support/redis';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { sameDeploymentEnv, startTestApp, type TestApp, waitUntil } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * With REDIS_URL: renders go through BullMQ, and the log-in limit is counted in Redis, so it
 * holds across API processes. Redis being away is a 503 naming it, and nothing needs a restart
 * when it is back. (The separate-OS-process topology is in scaled-topology.e2e-spec.ts.)
 */
describe('Redis: BullMQ renders and shared limits (e2e)', () => {
  let redis: TestRedis;
  let proxy: TcpProxy;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    redis = await testRedis();
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(redis.env.REDIS_URL).port || 6379));
    const env = {
      ...redis.env,
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      AUTH_RATE_LIMIT_PER_MINUTE: '4',
      // Behind a load balancer on this host: each test's client address comes from
      // X-Forwarded-For, so the sign-ups of other tests do not count against it.
      TRUST_PROXY: 'loopback',
    };
    first = await startTestApp(env);
    // A second API process on the same database, storage and Redis.
    second = await startTestApp({ ...env, PROCESS_ROLE: 'api', ...sameDeploymentEnv(first) });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await proxy?.close();
    await redis?.close();
  });

  const server = (app: TestApp) => app.app.getHttpServer() as App;

  it('renders a draft uploaded through an API-only process, through BullMQ, once', async () => {
    const me = await signUp(server(second), { role: 'client' });
    const created = await uploadPhoto(server(second), me, await photos.astronaut()).expect(202);
    const draft = await waitForDraft(server(second), me, created.body.id);
    expect(draft.status).toBe('ready');
    expect(draft.variants.filter((v) => v.status === 'ready')).toHaveLength(3);

    const queue = new Queue(RENDER_QUEUE_NAME, { connection: redis.client, prefix: redis.prefix });
    try {
      // Every job completed (and was removed); none failed or waits.
      const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'failed', 'prioritized');
      expect(counts).toEqual({ wait: 0, active: 0, delayed: 0, failed: 0, prioritized: 0 });
    } finally {
      await queue.close();
    }
  });

  it('counts log-in attempts across both API processes', async () => {
    const input = aRegistration();
    const attempt = (app: TestApp) =>
      request(server(app))
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ email: input.email, password: 'wrong-one' });
    // Four attempts a minute in all: two on each process, then the fifth is refused on either.
    for (const app of [first, second, first, second]) expect((await attempt(app)).status).toBe(401);
    const refused = await attempt(first);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect((await attempt(second)).status).toBe(429);
  });

  it('answers 503 naming Redis while it is away, and works again when it is back', async () => {
    await proxy.stop();
    try {
      const health = await request(server(first)).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.down).toEqual(['redis']);
      const login = await request(server(second))
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.8')
        .send({ email: 'someone@example.com', password: 'whatever-it-is' });
      expect(login.status).toBe(503);
      expect(login.body).toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { dependency: 'redis' },
      });
      expect(login.headers['retry-after']).toBe('5');
      // What does not need Redis keeps working.
      await request(server(second)).get('/api/photographers').expect(200);
    } finally {
      await proxy.resume();
    }
    await waitUntil(async () => (await request(server(first)).get('/api/health')).status === 200);
    const me = await signUp(server(first), { role: 'client' });
    const created = await uploadPhoto(server(first), me, await photos.astronaut()).expect(202);
    expect((await waitForDraft(server(first), me, created.body.id)).status).toBe('ready');
  });
});
