import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BookingEmailsJob, SessionRemindersJob } from './email-jobs';
import { NotificationsRepository } from './notifications.repository';
import { ScheduledJob } from './scheduled-job.entity';
import type { JobState, ScheduledJobDefinition } from './scheduled-job.types';

/** A run that takes longer than this is presumed dead and its lease can be taken over. */
const LEASE_MS = 5 * 60_000;

/**
 * Runs the email jobs on a timer. Each job's cursor and next run time live in the database, so
 * a restart resumes where the last run stopped; a lease row keeps two processes from running
 * the same job at once. Tests switch the timer off and call `runAll`.
 */
@Injectable()
export class ScheduledJobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ScheduledJobsService.name);
  private readonly jobs: ScheduledJobDefinition[];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationsRepository,
    bookingEmails: BookingEmailsJob,
    reminders: SessionRemindersJob,
  ) {
    this.jobs = [bookingEmails, reminders];
  }

  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    for (const job of this.jobs) {
      // A new job starts reading from now: history from before it existed is not re-announced.
      await this.repository.ensureJob(
        Object.assign(new ScheduledJob(), {
          id: randomUUID(),
          name: job.name,
          cursorAt: now,
          cursorId: null,
          nextRunAt: now,
          lockedUntil: null,
          lastRunAt: null,
          lastError: null,
        } satisfies Partial<ScheduledJob>),
      );
    }
    const seconds = this.config.notifications.intervalSeconds;
    if (seconds > 0 && this.config.backgroundWork) {
      this.timer = setInterval(() => this.tick(), seconds * 1000);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs every job that is due (or all, when `force`), each under its lease. */
  async runAll(now = new Date(), force = true): Promise<void> {
    for (const job of this.jobs) await this.runOne(job, now, force);
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runAll(new Date(), false)
      .catch((error: unknown) => this.logger.error(`Scheduled jobs failed: ${String(error)}`))
      .finally(() => (this.running = null));
  }

  private async runOne(job: ScheduledJobDefinition, now: Date, force: boolean): Promise<void> {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    if (!(await this.repository.claim(job.name, now, leaseUntil, force))) return;
    const row = await this.repository.job(job.name);
    const state: JobState = { cursorAt: row?.cursorAt ?? null, cursorId: row?.cursorId ?? null };
    const next = new Date(
      now.getTime() + Math.max(1, this.config.notifications.intervalSeconds) * 1000,
    );
    try {
      const patch = await job.run(state, now);
      await this.repository.releaseJob(job.name, {
        ...patch,
        lastRunAt: now,
        nextRunAt: next,
        lastError: null,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Job ${job.name} failed: ${message}`);
      await this.repository.releaseJob(job.name, {
        lastRunAt: now,
        nextRunAt: next,
        lastError: message.slice(0, 500),
      });
    }
  }
}
