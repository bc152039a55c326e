import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThanOrEqual, Not, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Booking } from '../bookings/booking.entity';
import { DraftRenderJob } from './draft-render-job.entity';
import { DraftVariant, type NewDraftVariant } from './draft-variant.entity';
import { Draft } from './draft.entity';

type DraftChanges = Partial<Omit<Draft, 'id' | 'ownerId' | 'owner' | 'assignId'>>;
type VariantChanges = Partial<Omit<DraftVariant, 'id' | 'draftId' | 'draft' | 'assignId'>>;

@Injectable()
export class DraftsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Draft) private readonly drafts: Repository<Draft>,
    @InjectRepository(DraftVariant) private readonly variants: Repository<DraftVariant>,
    @InjectRepository(DraftRenderJob) private readonly jobs: Repository<DraftRenderJob>,
  ) {}

  // ---------------------------------------------------------------- drafts

  /** A new draft and its first render job, together or not at all. */
  createWithJob(draft: Omit<Draft, 'owner' | 'assignId'>): Promise<Draft> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(Draft, draft));
      await manager.save(
        manager.create(DraftRenderJob, {
          draftId: saved.id,
          variantId: null,
          kind: 'draft',
          status: 'queued',
          attempts: 0,
          error: null,
          createdAt: saved.createdAt,
          startedAt: null,
        }),
      );
      return saved;
    });
  }

  findDraft(id: string): Promise<Draft | null> {
    return this.drafts.findOneBy({ id });
  }

  findOwnedDraft(ownerId: string, id: string): Promise<Draft | null> {
    return this.drafts.findOneBy({ id, ownerId });
  }

  listByOwner(ownerId: string): Promise<Draft[]> {
    return this.drafts.find({ where: { ownerId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  idsByOwner(ownerId: string): Promise<string[]> {
    return this.drafts
      .find({ where: { ownerId }, select: { id: true } })
      .then((rows) => rows.map((r) => r.id));
  }

  async updateDraft(id: string, changes: DraftChanges): Promise<void> {
    // simple-json columns (analysis, report) defeat TypeORM's deep-partial type; the shape is ours.
    const values = { ...changes, updatedAt: new Date() } as QueryDeepPartialEntity<Draft>;
    await this.drafts.update({ id }, values);
  }

  /**
   * Rows of a draft: its jobs, variants (cascade) and itself. Bookings that carry it as their
   * brief lose the link (and with it the preview) in the same transaction; their text brief
   * stays. A plain update of the bookings table through this transaction's entity manager,
   * rather than a call into the bookings module, which already imports this one.
   */
  async deleteDraftRows(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Booking, { draftId: In(ids) }, { draftId: null, draftVariantId: null });
      await manager.delete(DraftRenderJob, { draftId: In(ids) });
      await manager.delete(DraftVariant, { draftId: In(ids) });
      await manager.delete(Draft, { id: In(ids) });
    });
  }

  /** Drafts whose original upload is still stored and older than `before`. */
  withSourceOlderThan(before: Date): Promise<Draft[]> {
    return this.drafts.find({
      where: { sourceBlobKey: Not(IsNull()), createdAt: LessThanOrEqual(before) },
    });
  }

  expiredUnkept(now: Date): Promise<Draft[]> {
    return this.drafts.find({
      where: { keep: false, expiresAt: LessThanOrEqual(now) },
      select: { id: true },
    });
  }

  // ---------------------------------------------------------------- variants

  variantsOf(draftIds: string[]): Promise<DraftVariant[]> {
    if (draftIds.length === 0) return Promise.resolve([]);
    return this.variants.find({
      where: { draftId: In(draftIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findVariant(draftId: string, id: string): Promise<DraftVariant | null> {
    return this.variants.findOneBy({ draftId, id });
  }

  insertVariant(variant: NewDraftVariant): Promise<DraftVariant> {
    return this.variants.save(this.variants.create(variant));
  }

  async updateVariant(id: string, changes: VariantChanges): Promise<void> {
    await this.variants.update({ id }, changes);
  }

  async deleteVariants(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.variants.delete({ id: In(ids) });
  }

  /** A variant and its render job, together. */
  createVariantWithJob(variant: NewDraftVariant): Promise<DraftVariant> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(DraftVariant, variant));
      await manager.save(
        manager.create(DraftRenderJob, {
          draftId: saved.draftId,
          variantId: saved.id,
          kind: 'variant',
          status: 'queued',
          attempts: 0,
          error: null,
          createdAt: saved.createdAt,
          startedAt: null,
        }),
      );
      return saved;
    });
  }

  // ---------------------------------------------------------------- render jobs

  /** After a restart: jobs that were running when the process stopped run again. */
  async requeueInterrupted(): Promise<number> {
    const result = await this.jobs.update({ status: 'running' }, { status: 'queued' });
    return result.affected ?? 0;
  }

  oldestQueued(limit: number): Promise<DraftRenderJob[]> {
    return this.jobs.find({
      where: { status: 'queued' },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Takes a job if nobody else has (a conditional update, safe across processes). */
  async claim(job: DraftRenderJob, now: Date): Promise<boolean> {
    const result = await this.jobs.update(
      { id: job.id, status: 'queued' },
      { status: 'running', startedAt: now, attempts: job.attempts + 1 },
    );
    return result.affected === 1;
  }

  async finishJob(
    id: string,
    status: 'done' | 'failed' | 'queued',
    error: string | null = null,
  ): Promise<void> {
    await this.jobs.update({ id }, { status, error: error?.slice(0, 500) ?? null });
  }

  findJob(id: string): Promise<DraftRenderJob | null> {
    return this.jobs.findOneBy({ id });
  }
}
