import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisService } from '../redis/redis.service';
import { ScheduleLeases } from './schedule-leases.service';

/** The BullMQ queue that carries every scheduled tick (under REDIS_PREFIX). */
export const SCHEDULE_QUEUE_NAME = 'scheduled-work';
/**
 * A run that takes longer than this is presumed dead: its lease can be taken over. Leases and
 * ticks read the machine's time, not `Clock`: they pace real timers and are compared across
 * processes, so a test that moves one app's clock must not strand or steal another's lease.
 */
const LEASE_MS = 10 * 60_000;
/** How long one process holds the right to register a job scheduler, and how often others look. */
const REGISTER_CLAIM_MS = 30_000;
const REGISTER_RETRY_MS = 2_000;
/** A tick taken by a worker without the task goes back to the queue, at most this many times. */
const HAND_BACK_LIMIT = 40;
const HAND_BACK_DELAY_MS = 250;

interface Task {
  everyMs: number;
  run: () => Promise<unknown>;
  running?: Promise<void>;
}

/**
 * Recurring work (hold expiry, retention sweeps, email jobs, refund retries, session sweeps)
 * that runs once per tick however many worker processes there are. With Redis, each task is a
 * BullMQ job scheduler: Redis makes one job per tick and one worker takes it. Without Redis,
 * each process keeps an interval in Nest's `SchedulerRegistry` (named `scheduled:<task>`) and a
 * tick runs only where it claims the task's row in `scheduled_jobs` (due, and not leased), so a
 * second process on the same database skips it.
 * Only processes that do background work (`PROCESS_ROLE` worker or all) register tasks.
 */
@Injectable()
export class ScheduledWork implements OnModuleDestroy {
  private readonly logger = new Logger(ScheduledWork.name);
  private readonly tasks = new Map<string, Task>();
  private queue?: Queue;
  private worker?: Worker;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly leases: ScheduleLeases,
    private readonly registry: SchedulerRegistry,
  ) {}

  /** Runs `run` every `everyMs` in one process of the deployment (nothing in an API process). */
  every(name: string, everyMs: number, run: () => Promise<unknown>): void {
    if (!this.config.backgroundWork || this.stopping) return;
    const task: Task = { everyMs, run };
    this.tasks.set(name, task);
    this.start(name, task).catch((error: unknown) =>
      this.logger.error(`Scheduled ${name} could not start: ${String(error)}`),
    );
  }

  private async start(name: string, task: Task): Promise<void> {
    const { everyMs } = task;
    if (this.redis.enabled) {
      await this.registerScheduler(name, task);
      return;
    }
    await this.leases.ensure(leaseName(name), new Date());
    if (this.stopping || this.tasks.get(name) !== task) return;
    const timer = setInterval(() => {
      if (task.running) return;
      task.running = this.runLeased(name, task).finally(() => (task.running = undefined));
    }, everyMs);
    timer.unref();
    this.stopInterval(name);
    this.registry.addInterval(intervalName(name), timer);
  }

  /**
   * Registers the task's job scheduler once for the deployment. Upserting an `every` scheduler
   * runs its first tick at once, so workers booting together must not each upsert it: the first
   * to take a short Redis claim registers it, and the others find it registered (or, if that
   * process died before registering, try again once the claim lapses).
   */
  private async registerScheduler(name: string, task: Task): Promise<void> {
    const queue = this.bullmq();
    if ((await queue.getJobScheduler(name))?.every === task.everyMs) return;
    const claim = this.redis.key(SCHEDULE_QUEUE_NAME, 'registering', name);
    // Redis away for a moment counts as not claimed: this process looks again shortly.
    const claimed = await this.redis
      .run((redis) => redis.set(claim, String(process.pid), 'PX', REGISTER_CLAIM_MS, 'NX'))
      .catch(() => null);
    if (claimed === 'OK') {
      await queue.upsertJobScheduler(
        name,
        { every: task.everyMs },
        { name, opts: { removeOnComplete: true, removeOnFail: 50 } },
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, REGISTER_RETRY_MS).unref());
    if (!this.stopping && this.tasks.get(name) === task) await this.registerScheduler(name, task);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    for (const name of this.tasks.keys()) this.stopInterval(name);
    await Promise.allSettled([...this.tasks.values()].map((task) => task.running));
    await this.worker?.close();
    await this.queue?.close();
  }

  private bullmq(): Queue {
    if (this.queue) return this.queue;
    const connection = this.redis.bullmqConnection();
    this.queue = new Queue(SCHEDULE_QUEUE_NAME, { connection, prefix: this.redis.prefix });
    this.queue.on('error', (error) => this.logger.warn(`Scheduled work: ${error.message}`));
    this.worker = new Worker(SCHEDULE_QUEUE_NAME, (job, token) => this.runTick(job, token), {
      connection,
      prefix: this.redis.prefix,
      concurrency: 4,
    });
    this.worker.on('error', (error) => this.logger.warn(`Scheduled work: ${error.message}`));
    return this.queue;
  }

  private async runTick(job: Job, token?: string): Promise<void> {
    const task = this.tasks.get(job.name);
    if (!task) {
      // A worker that does not run this task (yet): one still starting, or an older version
      // during a rolling deploy. The tick is handed back for another worker, not lost.
      if (job.attemptsStarted < HAND_BACK_LIMIT) {
        await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
        throw new DelayedError();
      }
      throw new Error(`No worker runs the scheduled task ${job.name}`);
    }
    await this.runTask(job.name, task, job.id ?? '');
  }

  /** The embedded way: run only if this process claims the task's row for this tick. */
  private async runLeased(name: string, task: Task): Promise<void> {
    const now = new Date();
    try {
      if (!(await this.leases.claim(leaseName(name), now, new Date(now.getTime() + LEASE_MS))))
        return;
    } catch (error) {
      this.logger.warn(`Scheduled ${name}: could not claim this tick (${String(error)})`);
      return;
    }
    let lastError: string | null = null;
    try {
      await this.runTask(name, task, now.toISOString());
    } catch (error) {
      lastError = String(error).slice(0, 500);
    }
    // The next tick is due a little before the period ends, so timers that drift never skip one.
    await this.leases
      .release(leaseName(name), {
        lastRunAt: now,
        lastError,
        nextRunAt: new Date(now.getTime() + task.everyMs * 0.9),
      })
      .catch(() => undefined);
  }

  private async runTask(name: string, task: Task, tick: string): Promise<void> {
    this.logger.debug(`Scheduled ${name} runs (tick ${tick})`);
    try {
      await task.run();
    } catch (error) {
      this.logger.error(`Scheduled ${name} failed: ${String(error)}`);
      throw error;
    }
  }

  private stopInterval(name: string): void {
    if (this.registry.doesExist('interval', intervalName(name)))
      this.registry.deleteInterval(intervalName(name));
  }
}

function intervalName(name: string): string {
  return `scheduled:${name}`;
}

function leaseName(name: string): string {
  return `every:${name}`;
}
