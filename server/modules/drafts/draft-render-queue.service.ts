import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { RedisService } from '../redis/redis.service';
import { fairOrder } from './domain/fair-queue';
import type { DraftRenderJob, RenderJobKind } from './draft-render-job.entity';
import { DraftRenderJobsRepository } from './draft-render-jobs.repository';
import { RenderWorkerPool } from './render/render-worker-pool';
import { RenderJobRunner } from './render-job-runner';
import { processOwner } from '../../common/process-owner';

const POLL_MS = 1000;
/** This process's timers, by name in Nest's `SchedulerRegistry`. */
const POLL_INTERVAL = 'draft-renders:poll';
const LEASE_INTERVAL = 'draft-renders:lease-renewal';
/** How long a claimed job stays this process's without a renewal (renewed every third of it). */
export const RENDER_LEASE_MS = 30_000;

/** What someone is looking at first (previews), then HD images of unlocked drafts. */
const PREVIEW_KINDS: readonly RenderJobKind[] = ['variant', 'draft'];
const HD_KINDS: readonly RenderJobKind[] = ['hd'];

/**
 * The embedded render queue: jobs are rows in `draft_render_jobs`; this process claims them
 * with a lease it renews while it works, runs them through the worker pool and records the
 * outcome. A job whose lease ran out (its process died) is queued again by whichever process
 * looks next; a job another live process holds never is, so several processes can share the
 * table. A stopping process finishes its jobs or hands them back. Jobs are taken round-robin across accounts (`fairOrder`),
 * not first come first served, so one account's backlog never holds up everyone else's draft;
 * and previews before HD images, which never take the last free slot (a new upload or a slider
 * change starts at once even while HD images are being made).
 * With REDIS_URL set, `BullmqRenderQueue` takes over and this class stays idle.
 */
@Injectable()
export class DraftRenderQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DraftRenderQueue.name);
  private readonly inFlight = new Map<string, { kind: RenderJobKind; run: Promise<unknown> }>();
  /** This process, as the holder of its leases (a new one each start). */
  readonly owner = processOwner();
  private pumping = false;
  private again = false;
  private stopping = false;

  constructor(
    private readonly jobs: DraftRenderJobsRepository,
    private readonly runner: RenderJobRunner,
    private readonly pool: RenderWorkerPool,
    private readonly redis: RedisService,
    private readonly registry: SchedulerRegistry,
  ) {}

  /** This process renders from the table: it has workers and no Redis queue takes over. */
  private get active(): boolean {
    return this.pool.size > 0 && !this.redis.enabled;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.active) return;
    await this.recover();
    // Per process, not once per deployment (each process polls and renews its own leases), so
    // these are plain intervals, not `ScheduledWork` tasks.
    this.interval(POLL_INTERVAL, POLL_MS, () => {
      void this.recover()
        .catch((error: unknown) => this.logger.error(`Render queue: ${String(error)}`))
        .finally(() => this.kick());
    });
    this.interval(LEASE_INTERVAL, RENDER_LEASE_MS / 3, () => {
      if (this.inFlight.size === 0) return;
      void this.jobs
        .renewLeases(this.owner, new Date(Date.now() + RENDER_LEASE_MS))
        .catch((error: unknown) => this.logger.error(`Render leases: ${String(error)}`));
    });
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (!this.active) return;
    for (const name of [POLL_INTERVAL, LEASE_INTERVAL]) {
      if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
    }
    await Promise.allSettled([...this.inFlight.values()].map((job) => job.run));
    // Whatever the shutdown interrupted goes back to the queue now, not when its lease ends.
    const handedBack = await this.jobs.releaseLeases(this.owner).catch(() => 0);
    if (handedBack > 0) this.logger.log(`Handed ${handedBack} render job(s) back to the queue`);
  }

  private interval(name: string, everyMs: number, tick: () => void): void {
    const timer = setInterval(tick, everyMs);
    timer.unref();
    this.registry.addInterval(name, timer);
  }

  /**
   * Jobs of processes that died (their leases ran out) wait again. Render leases read the
   * machine's time, not `Clock`: other processes compare them, and they are renewed by a timer.
   */
  async recover(): Promise<number> {
    const requeued = await this.jobs.requeueExpired(new Date());
    if (requeued > 0) this.logger.log(`Picked up ${requeued} interrupted render job(s) again`);
    return requeued;
  }

  /** Looks for work now (called after enqueueing, and by the poll timer). */
  kick(): void {
    if (this.stopping || !this.active) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump()
      .catch((error: unknown) => this.logger.error(`Render queue: ${String(error)}`))
      .finally(() => {
        this.pumping = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Jobs run at once: one more than the pool has workers, so a quick re-render can slot in. */
  private get capacity(): number {
    return this.pool.size + 1;
  }

  /** HD jobs at once: always one slot less than the capacity, kept for previews. */
  private get hdCapacity(): number {
    return this.capacity - 1;
  }

  private async pump(): Promise<void> {
    while (!this.stopping) {
      const claimed =
        (await this.fill(PREVIEW_KINDS, () => this.capacity - this.inFlight.size)) ||
        (await this.fill(HD_KINDS, () =>
          Math.min(this.capacity - this.inFlight.size, this.hdCapacity - this.running('hd')),
        ));
      if (!claimed) return;
    }
  }

  /** Claims jobs of `kinds` while `free()` slots remain; true if it took any. */
  private async fill(kinds: readonly RenderJobKind[], free: () => number): Promise<boolean> {
    if (free() <= 0) return false;
    let claimed = false;
    for (const job of await this.fairCandidates(kinds, free())) {
      if (free() <= 0 || this.stopping) break;
      const now = new Date();
      const leaseUntil = new Date(now.getTime() + RENDER_LEASE_MS);
      if (!(await this.jobs.claim(job, now, this.owner, leaseUntil))) continue;
      claimed = true;
      const attempt = Object.assign(job, { attempts: job.attempts + 1 });
      const run = this.runner
        .run(attempt, this.owner, () => this.stopping)
        .finally(() => {
          this.inFlight.delete(job.id);
          this.kick();
        });
      this.inFlight.set(job.id, { kind: job.kind, run });
    }
    return claimed;
  }

  private running(kind: RenderJobKind): number {
    return [...this.inFlight.values()].filter((job) => job.kind === kind).length;
  }

  /** The next jobs of `kinds` to try, in fair order: round-robin across the accounts that wait. */
  private async fairCandidates(
    kinds: readonly RenderJobKind[],
    slots: number,
  ): Promise<DraftRenderJob[]> {
    const order = fairOrder(await this.jobs.waitingAccounts(kinds), slots);
    const wanted = new Map<string, number>();
    for (const ownerId of order) wanted.set(ownerId, (wanted.get(ownerId) ?? 0) + 1);
    const byOwner = new Map<string, DraftRenderJob[]>();
    for (const [ownerId, count] of wanted)
      byOwner.set(ownerId, await this.jobs.nextOf(ownerId, count, kinds));
    return order.flatMap((ownerId) => {
      const next = byOwner.get(ownerId)?.shift();
      return next ? [next] : [];
    });
  }
}
