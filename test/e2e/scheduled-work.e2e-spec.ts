import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledWork } from '../../server/modules/scheduling/scheduled-work.service';
import { testRedis, type TestRedis } from '../support/redis';
import { sameDeploymentEnv, startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const PERIOD_MS = 400;
const WATCH_MS = 4000;

/** Two worker processes of one deployment, started before and closed after the suite's tests. */
function twoWorkerProcesses(withRedis: boolean): () => {
  first: TestApp;
  second: TestApp;
  redisEnv: Record<string, string>;
} {
  let redis: TestRedis | undefined;
  let first: TestApp | undefined;
  let second: TestApp | undefined;
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
  return () => ({ first: first!, second: second!, redisEnv: redis?.env ?? {} });
}

/**
 * Recurring work runs once per tick however many worker processes run it: two processes on one
 * database (leases in `scheduled_jobs`), and two on one Redis (BullMQ job schedulers), each
 * register the same task; the runs add up to one per period, not two.
 */
describe.each([
  ['on the database (no Redis)', false],
  ['on Redis (BullMQ job schedulers)', true],
])('Scheduled work %s (e2e)', (_name, withRedis) => {
  const workers = twoWorkerProcesses(withRedis);
  let first: TestApp;
  let second: TestApp;
  beforeAll(() => ({ first, second } = workers()));

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
    const api = await startTestApp({ ...workers().redisEnv, PROCESS_ROLE: 'api' });
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

/**
 * Workers of one deployment share the queue of ticks, but not every worker runs every task: one
 * still starting, or an older version during a rolling deploy, takes ticks of tasks it does not
 * know. Those ticks go back to the queue for a worker that runs the task, not lost. And a worker
 * registering a task another one already runs adds no run (a BullMQ `every` scheduler runs its
 * first tick as soon as it is registered; once seen in CI as two runs 24 ms apart).
 */
describe('Scheduled work on Redis, workers that do not all run a task (e2e)', () => {
  const workers = twoWorkerProcesses(true);
  let first: TestApp;
  let second: TestApp;
  beforeAll(() => ({ first, second } = workers()));

  it('runs the ticks of tasks only one worker runs, whichever worker takes them', async () => {
    // Twenty tasks registered on the first worker only; their first ticks are due at once, and
    // the second worker (which runs its own scheduled work on the same queue) takes some.
    const ran = new Set<string>();
    const names = Array.from({ length: 20 }, (_, i) => `only-first-${i}`);
    for (const name of names) {
      first.app.get(ScheduledWork).every(name, 3_600_000, async () => void ran.add(name));
    }
    const deadline = Date.now() + 15_000;
    while (ran.size < names.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect([...ran].sort()).toEqual([...names].sort());
  });

  it('adds no run when a second worker registers a task already scheduled', async () => {
    const runs: string[] = [];
    const register = (name: string, app: TestApp) =>
      app.app.get(ScheduledWork).every('hourly-probe', 3_600_000, async () => {
        runs.push(name);
      });
    register('first', first);
    // The first tick runs as soon as the scheduler exists (on whichever worker takes it).
    const deadline = Date.now() + 10_000;
    while (runs.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(runs).toEqual(['first']);
    register('second', second);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(runs).toEqual(['first']);
  });
});
