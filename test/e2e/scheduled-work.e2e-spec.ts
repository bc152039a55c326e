import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledWork } from '../../server/modules/scheduling/scheduled-work.service';
import { testRedis, type TestRedis } from '../support/redis';
import { sameDeploymentEnv, startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const PERIOD_MS = 400;
const WATCH_MS = 4000;

/**
 * Recurring work runs once per tick however many worker processes run it: two processes on one
 * database (leases in `scheduled_jobs`), and two on one Redis (BullMQ job schedulers), each
 * register the same task; the runs add up to one per period, not two.
 */
describe.each([
  ['on the database (no Redis)', false],
  ['on Redis (BullMQ job schedulers)', true],
])('Scheduled work %s (e2e)', (_name, withRedis) => {
  let redis: TestRedis | undefined;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    redis = withRedis ? await testRedis() : undefined;
    first = await startTestApp({ ...redis?.env, PROCESS_ROLE: 'worker' });
    second = await startTestApp({
      ...redis?.env,
      PROCESS_ROLE: 'worker',
      ...sameDeploymentEnv(first),
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await redis?.close();
  });

  it('runs a task registered by two worker processes once per tick', async () => {
    const runs: { process: string; at: number }[] = [];
    const started = Date.now();
    for (const [name, app] of [
      ['first', first],
      ['second', second],
    ] as const) {
      app.app.get(ScheduledWork).every('probe', PERIOD_MS, async () => {
        runs.push({ process: name, at: Date.now() - started });
      });
    }
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    // Without Redis each process keeps the task's timer in Nest's registry; with it, Redis ticks.
    expect(first.app.get(SchedulerRegistry).getIntervals().includes('scheduled:probe')).toBe(
      !withRedis,
    );
    const ticks = WATCH_MS / PERIOD_MS;
    // Once per tick across both: about `ticks` runs in all (two per tick would be about 20).
    expect(runs.length).toBeGreaterThanOrEqual(ticks / 2);
    expect(runs.length).toBeLessThanOrEqual(ticks + 2);
    // Never two runs of the same tick: consecutive runs are most of a period apart.
    const gaps = runs.slice(1).map((run, i) => run.at - runs[i].at);
    expect(Math.min(...gaps)).toBeGreaterThan(PERIOD_MS * 0.5);
  });

  it('does nothing in an API-only process', async () => {
    const api = await startTestApp({ ...redis?.env, PROCESS_ROLE: 'api' });
    try {
      let ran = 0;
      api.app.get(ScheduledWork).every('api-probe', 100, async () => void ran++);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(ran).toBe(0);
      // No timer of any kind: no scheduled work, no render queue poll or hand-over sweep.
      expect(api.app.get(SchedulerRegistry).getIntervals()).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
