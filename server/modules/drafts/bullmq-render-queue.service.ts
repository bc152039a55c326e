import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { type Job, type Queue, WaitingError, type Worker } from 'bullmq';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisService } from '../redis/redis.service';
import { fairPriorities } from './domain/fair-queue';
import { DraftRenderJobsRepository } from './draft-render-jobs.repository';
import { MAX_RENDER_ATTEMPTS, RenderJobRunner } from './render-job-runner';
import { processOwner } from '../../common/process-owner';

/** The BullMQ queue's name (under REDIS_PREFIX). */
export const RENDER_QUEUE_NAME = 'draft-renders';
/** A worker holds a job's lock this long without renewing it (renewed every half). */
export const RENDER_LOCK_MS = 20_000;
/** How often workers look for jobs whose holder stopped renewing (died): they run again. */
const STALLED_CHECK_MS = 10_000;
/** How often worker processes hand BullMQ rows it has not seen (an API died after its commit). */
const SWEEP_MS = 5_000;
/** The sweep's timer, by name in Nest's `SchedulerRegistry` (one per worker process). */
const SWEEP_INTERVAL = 'draft-renders:hand-over';
/** At most this many waiting rows are handed over per pass. */
const DISPATCH_BATCH = 1000;

interface RenderJobData {
  /** The `draft_render_jobs` row: the record of the job (BullMQ only carries it). */
  jobId: string;
}

/**
 * Draft renders through BullMQ on Redis (`REDIS_URL` set). The `draft_render_jobs` rows stay
 * the record of every job; BullMQ carries each row's id (as its job id, so handing a row over
 * twice adds it once) to the worker processes, each running `DRAFT_RENDER_CONCURRENCY` at
 * once. A worker that dies mid-render stops renewing its lock; BullMQ's stalled-job check gives
 * the job to another worker, which takes the row over and renders it again into the same keys.
 * Failures are retried (three attempts in all). SIGTERM lets running renders finish; those the
 * render pool interrupts go back to the queue. Priorities keep the embedded queue's fairness:
 * round-robin across accounts, previews before HD images (`fairPriorities`).
 */
@Injectable()
export class BullmqRenderQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BullmqRenderQueue.name);
  private queue?: Queue<RenderJobData>;
  private worker?: Worker<RenderJobData>;
  private dispatching = false;
  private again = false;
  private stopping = false;
  readonly owner = processOwner();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly jobs: DraftRenderJobsRepository,
    private readonly runner: RenderJobRunner,
    private readonly registry: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis.enabled) return;
    this.queue = this.redis.queue<RenderJobData, void>(RENDER_QUEUE_NAME, {
      attempts: MAX_RENDER_ATTEMPTS,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: { age: 24 * 3600 },
    });
    if (this.config.drafts.workers === 0) return; // an API process only hands jobs over
    this.worker = this.redis.worker<RenderJobData, void>(
      RENDER_QUEUE_NAME,
      (job, token) => this.process(job, token),
      {
        concurrency: this.config.drafts.concurrency,
        lockMs: RENDER_LOCK_MS,
        stalledCheckMs: STALLED_CHECK_MS,
      },
    );
    const sweeper = setInterval(() => this.kick(), SWEEP_MS);
    sweeper.unref();
    this.registry.addInterval(SWEEP_INTERVAL, sweeper);
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.registry.doesExist('interval', SWEEP_INTERVAL))
      this.registry.deleteInterval(SWEEP_INTERVAL);
    // Waits for the renders in flight; those the render pool interrupts are handed back.
    await this.worker?.close();
    await this.queue?.close();
  }

  kick(): void {
    if (!this.queue || this.stopping) return;
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = true;
    void this.dispatch()
      .catch((error: unknown) =>
        this.logger.warn(`Render queue: could not hand jobs over (${String(error)}); retrying`),
      )
      .finally(() => {
        this.dispatching = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Every waiting row that is not in BullMQ yet goes there (its id deduplicates). */
  private async dispatch(): Promise<void> {
    const waiting = await this.jobs.waitingJobs(DISPATCH_BATCH);
    if (waiting.length === 0 || !this.queue) return;
    const priorities = fairPriorities(waiting);
    await this.queue.addBulk(
      waiting.map((row) => ({
        name: row.kind,
        data: { jobId: row.id },
        opts: { jobId: row.id, priority: priorities.get(row.id) },
      })),
    );
  }

  private async process(job: Job<RenderJobData>, token?: string): Promise<void> {
    const attempts = job.attemptsMade + 1;
    // A lease other processes read: the machine's time, not `Clock` (see DraftRenderQueue.recover).
    if (!(await this.jobs.takeOver(job.data.jobId, this.owner, attempts, new Date()))) return;
    const row = await this.jobs.findJob(job.data.jobId);
    if (!row) return;
    const outcome = await this.runner.run(row, this.owner, () => this.stopping);
    if (outcome === 'retry') throw new Error('The render failed; BullMQ tries it again');
    if (outcome === 'interrupted') {
      // Stopping: back to the queue for another worker, not counted as a failed attempt.
      await this.jobs.releaseLeases(this.owner);
      await job.moveToWait(token);
      throw new WaitingError();
    }
  }
}
