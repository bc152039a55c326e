import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { ScheduledJob } from './scheduled-job.entity';

/**
 * The rows in `scheduled_jobs`: one per recurring job, with its cursor, when it is next due and
 * a lease (`locked_until`), taken with a conditional update so two processes never run the same
 * job at once. Used by `ScheduledWork` (without Redis) and by the email jobs (their cursors).
 */
@Injectable()
export class ScheduleLeases {
  constructor(@InjectRepository(ScheduledJob) private readonly jobs: Repository<ScheduledJob>) {}

  find(name: string): Promise<ScheduledJob | null> {
    return this.jobs.findOneBy({ name });
  }

  /** Creates the job's row once, due now; concurrent boots agree on one row. */
  async ensure(name: string, now: Date, cursorAt: Date | null = null): Promise<void> {
    await this.jobs
      .createQueryBuilder()
      .insert()
      .values({
        id: randomUUID(),
        name,
        cursorAt,
        cursorId: null,
        nextRunAt: now,
        lockedUntil: null,
        lastRunAt: null,
        lastError: null,
      })
      .orIgnore()
      .execute();
  }

  /** Takes the job's lease if nobody holds it (and it is due, unless forced). */
  async claim(name: string, now: Date, leaseUntil: Date, force = false): Promise<boolean> {
    const query = this.jobs
      .createQueryBuilder()
      .update(ScheduledJob)
      .set({ lockedUntil: leaseUntil })
      .where('name = :name', { name })
      .andWhere(
        new Brackets((q) =>
          q.where('locked_until IS NULL').orWhere('locked_until < :now', { now }),
        ),
      );
    if (!force) query.andWhere('next_run_at <= :now', { now });
    const result = await query.execute();
    return (result.affected ?? 0) > 0;
  }

  /** Gives the lease back, recording how the run went and when the job is next due. */
  async release(name: string, patch: Partial<ScheduledJob>): Promise<void> {
    await this.jobs.update({ name }, { ...patch, lockedUntil: null });
  }
}
