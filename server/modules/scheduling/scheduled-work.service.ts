import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { type Job, Queue, Worker } from 'bullmq';
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
      await this.bullmq().upsertJobScheduler(
        name,
        { every: everyMs },
        { name, opts: { removeOnComplete: true, removeOnFail: 50 } },
      );
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
    this.worker = new Worker(SCHEDULE_QUEUE_NAME, (job) => this.runTick(job), {
      connection,
      prefix: this.redis.prefix,
      concurrency: 4,
    });
    this.worker.on('error', (error) => this.logger.warn(`Scheduled work: ${error.message}`));
    return this.queue;
  }

  private async runTick(job: Job): Promise<void> {
    const task = this.tasks.get(job.name);
    if (!task) throw new Error(`No scheduled task named ${job.name} in this process`);
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
