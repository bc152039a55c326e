import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import type { WaitingAccount } from './domain/fair-queue';
import { DraftRenderJob, type RenderJobKind } from './draft-render-job.entity';
import { Draft } from './draft.entity';

export interface WaitingJob {
  id: string;
  kind: RenderJobKind;
  ownerId: string;
}

interface AccountRow {
  ownerId: string;
  queued: string | number;
  running: string | number;
  oldestQueuedAt: Date | string;
  lastStartedAt: Date | string | null;
}

/** The render queue's rows: which jobs wait, whose they are, and taking one. */
@Injectable()
export class DraftRenderJobsRepository {
  constructor(
    @InjectRepository(DraftRenderJob) private readonly jobs: Repository<DraftRenderJob>,
  ) {}

  /**
   * Running jobs whose process stopped renewing their lease (it died, or was killed) wait
   * again; so do running rows without a lease (from before leases). A job another live process
   * holds is never touched.
   */
  async requeueExpired(now: Date): Promise<number> {
    const result = await this.jobs
      .createQueryBuilder()
      .update(DraftRenderJob)
      .set({ status: 'queued', leaseOwner: null, leaseUntil: null })
      .where("status = 'running'")
      .andWhere(
        new Brackets((q) => q.where('lease_until IS NULL').orWhere('lease_until < :now', { now })),
      )
      .execute();
    return result.affected ?? 0;
  }

  /** The process is alive and still working on its jobs: their leases last `until`. */
  async renewLeases(owner: string, until: Date): Promise<void> {
    await this.jobs.update({ leaseOwner: owner, status: 'running' }, { leaseUntil: until });
  }

  /** A stopping process hands its running jobs back to the queue at once. */
  async releaseLeases(owner: string): Promise<number> {
    const result = await this.jobs.update(
      { leaseOwner: owner, status: 'running' },
      { status: 'queued', leaseOwner: null, leaseUntil: null },
    );
    return result.affected ?? 0;
  }

  /**
   * Every account with jobs of `kinds` waiting: how many wait and run, its oldest job, its
   * last start (of any kind).
   */
  async waitingAccounts(kinds: readonly RenderJobKind[]): Promise<WaitingAccount[]> {
    const rows = await this.jobs
      .createQueryBuilder('job')
      .innerJoin(Draft, 'draft', 'draft.id = job.draft_id')
      .select('draft.owner_id', 'ownerId')
      .addSelect(
        "SUM(CASE WHEN job.status = 'queued' AND job.kind IN (:...kinds) THEN 1 ELSE 0 END)",
        'queued',
      )
      .addSelect("SUM(CASE WHEN job.status = 'running' THEN 1 ELSE 0 END)", 'running')
      .addSelect(
        "MIN(CASE WHEN job.status = 'queued' AND job.kind IN (:...kinds) THEN job.created_at END)",
        'oldestQueuedAt',
      )
      .addSelect('MAX(job.started_at)', 'lastStartedAt')
      // Only accounts with something waiting (the idle poll reads the status index and stops).
      .where((qb) => {
        const waiting = qb
          .subQuery()
          .select('waiting_draft.owner_id')
          .from(DraftRenderJob, 'waiting_job')
          .innerJoin(Draft, 'waiting_draft', 'waiting_draft.id = waiting_job.draft_id')
          .where("waiting_job.status = 'queued'")
          .andWhere('waiting_job.kind IN (:...kinds)')
          .getQuery();
        return `draft.owner_id IN ${waiting}`;
      })
      .setParameter('kinds', kinds)
      .groupBy('draft.owner_id')
      .having(
        "SUM(CASE WHEN job.status = 'queued' AND job.kind IN (:...kinds) THEN 1 ELSE 0 END) > 0",
      )
      .getRawMany<AccountRow>();
    return rows.map((row) => ({
      ownerId: row.ownerId,
      queued: Number(row.queued),
      running: Number(row.running),
      oldestQueuedAt: instant(row.oldestQueuedAt)!,
      lastStartedAt: instant(row.lastStartedAt),
    }));
  }

  /**
   * An account's next waiting jobs of `kinds`: its re-renders first (someone is watching a
   * slider), then its drafts, then HD images, oldest first.
   */
  nextOf(
    ownerId: string,
    limit: number,
    kinds: readonly RenderJobKind[],
  ): Promise<DraftRenderJob[]> {
    return this.jobs
      .createQueryBuilder('job')
      .innerJoin(Draft, 'draft', 'draft.id = job.draft_id')
      .where('draft.owner_id = :ownerId', { ownerId })
      .andWhere("job.status = 'queued'")
      .andWhere('job.kind IN (:...kinds)', { kinds })
      .orderBy("CASE job.kind WHEN 'variant' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END", 'ASC')
      .addOrderBy('job.createdAt', 'ASC')
      .addOrderBy('job.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Takes a job if nobody else has (a conditional update, safe across processes), leased to
   * `owner` until `leaseUntil`.
   */
  async claim(job: DraftRenderJob, now: Date, owner: string, leaseUntil: Date): Promise<boolean> {
    const result = await this.jobs.update(
      { id: job.id, status: 'queued' },
      {
        status: 'running',
        startedAt: now,
        attempts: job.attempts + 1,
        leaseOwner: owner,
        leaseUntil,
      },
    );
    return result.affected === 1;
  }

  /**
   * Records how a job ended, if `owner` still holds it: a process whose lease ran out (it was
   * stalled, and another took the job over) does not overwrite the new holder's state.
   */
  async finishJob(
    id: string,
    owner: string,
    status: 'done' | 'failed' | 'queued',
    error: string | null = null,
  ): Promise<boolean> {
    const result = await this.jobs.update(
      { id, leaseOwner: owner, status: 'running' },
      { status, error: error?.slice(0, 500) ?? null, leaseOwner: null, leaseUntil: null },
    );
    return result.affected === 1;
  }

  /** Waiting jobs with their account, oldest first: what BullMQ is handed (`BullmqRenderQueue`). */
  async waitingJobs(limit: number): Promise<WaitingJob[]> {
    const rows = await this.jobs
      .createQueryBuilder('job')
      .innerJoin(Draft, 'draft', 'draft.id = job.draft_id')
      .select('job.id', 'id')
      .addSelect('job.kind', 'kind')
      .addSelect('draft.owner_id', 'ownerId')
      .where("job.status = 'queued'")
      .orderBy('job.created_at', 'ASC')
      .addOrderBy('job.id', 'ASC')
      .limit(limit)
      .getRawMany<WaitingJob>();
    return rows;
  }

  /**
   * BullMQ handed this process the job: take its row whatever process held it before (BullMQ
   * gives a job to one worker at a time, and only gives a running job again once its holder
   * stopped renewing the lock, i.e. died). Done or failed rows are not taken: false.
   */
  async takeOver(id: string, owner: string, attempts: number, now: Date): Promise<boolean> {
    const result = await this.jobs
      .createQueryBuilder()
      .update(DraftRenderJob)
      .set({ status: 'running', startedAt: now, attempts, leaseOwner: owner, leaseUntil: null })
      .where('id = :id', { id })
      .andWhere("status IN ('queued', 'running')")
      .execute();
    return result.affected === 1;
  }

  findJob(id: string): Promise<DraftRenderJob | null> {
    return this.jobs.findOneBy({ id });
  }
}

/** Raw aggregates: a Date from PostgreSQL, SQLite's `YYYY-MM-DD HH:MM:SS.SSS` text (UTC). */
function instant(value: Date | string | null): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
