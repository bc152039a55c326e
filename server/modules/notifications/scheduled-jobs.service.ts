import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BookingEmailsJob, SessionRemindersJob } from './email-jobs';
import type { JobState, ScheduledJobDefinition } from './scheduled-job.types';
import { ScheduleLeases } from '../scheduling/schedule-leases.service';
import { ScheduledWork } from '../scheduling/scheduled-work.service';
import { Clock } from '../../common/clock';

/** A run that takes longer than this is presumed dead and its lease can be taken over. */
const LEASE_MS = 5 * 60_000;

/**
 * Runs the email jobs on a timer. Each job's cursor and next run time live in the database, so
 * a restart resumes where the last run stopped; a lease row keeps two processes from running
 * the same job at once. Tests switch the timer off and call `runAll`.
 */
@Injectable()
export class ScheduledJobsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduledJobsService.name);
  private readonly jobs: ScheduledJobDefinition[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leases: ScheduleLeases,
    bookingEmails: BookingEmailsJob,
    reminders: SessionRemindersJob,
    private readonly scheduled: ScheduledWork,
    private readonly clock: Clock,
  ) {
    this.jobs = [bookingEmails, reminders];
  }

  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    for (const job of this.jobs) {
      // A new job starts reading from now: history from before it existed is not re-announced.
      await this.leases.ensure(job.name, now, now);
    }
    const seconds = this.config.notifications.intervalSeconds;
    if (seconds > 0) this.scheduled.every('email-jobs', seconds * 1000, () => this.tick());
  }

  /** Runs every job that is due (or all, when `force`), each under its lease. */
  async runAll(force = true): Promise<void> {
    const now = this.clock.now();
    for (const job of this.jobs) await this.runOne(job, now, force);
  }

  private tick(): Promise<void> {
    return this.runAll(false);
  }

  private async runOne(job: ScheduledJobDefinition, now: Date, force: boolean): Promise<void> {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    if (!(await this.leases.claim(job.name, now, leaseUntil, force))) return;
    const row = await this.leases.find(job.name);
    const state: JobState = { cursorAt: row?.cursorAt ?? null, cursorId: row?.cursorId ?? null };
    const next = new Date(
      now.getTime() + Math.max(1, this.config.notifications.intervalSeconds) * 1000,
    );
    try {
      const patch = await job.run(state, now);
      await this.leases.release(job.name, {
        ...patch,
        lastRunAt: now,
        nextRunAt: next,
        lastError: null,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Job ${job.name} failed: ${message}`);
      await this.leases.release(job.name, {
        lastRunAt: now,
        nextRunAt: next,
        lastError: message.slice(0, 500),
      });
    }
  }
}
