import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DataSource,
  type EntityManager,
  In,
  IsNull,
  LessThanOrEqual,
  MoreThan,
  Not,
  type Repository,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DraftDeletionHooks } from './draft-deletion-hooks.service';
import { FAIR_USE_WINDOW_MS, type UsageFacts } from './domain/fair-use';
import { DraftRenderJob } from './draft-render-job.entity';
import { DraftUsage, type DraftUsageKind } from './draft-usage.entity';
import { DraftVariant, type NewDraftVariant } from './draft-variant.entity';
import { Draft } from './draft.entity';
import { rowLock } from '../../database/row-lock';
import { Clock } from '../../common/clock';

type DraftChanges = Partial<Omit<Draft, 'id' | 'ownerId' | 'owner' | 'assignId'>>;
type VariantChanges = Partial<Omit<DraftVariant, 'id' | 'draftId' | 'draft' | 'assignId'>>;
/** Throws when the account may not make one more request (the fair-use rule, in the service). */
type Admit = (facts: UsageFacts) => void;

@Injectable()
export class DraftsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Draft) private readonly drafts: Repository<Draft>,
    @InjectRepository(DraftVariant) private readonly variants: Repository<DraftVariant>,
    @InjectRepository(DraftRenderJob) private readonly jobs: Repository<DraftRenderJob>,
    private readonly deletionHooks: DraftDeletionHooks,
    private readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------- drafts

  /**
   * A new draft and its first render job, together or not at all, if `admit` lets the account
   * have one more: counted and recorded in the same transaction, under the account's row lock
   * on PostgreSQL (SQLite runs one transaction at a time), so two processes never both let the
   * last one through.
   */
  createWithJob(draft: Omit<Draft, 'owner' | 'assignId'>, admit: Admit): Promise<Draft> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwner(manager, draft.ownerId);
      admit(await this.usageFacts(draft.ownerId, 'upload', draft.createdAt, manager));
      await this.recordUsage(manager, draft.ownerId, 'upload', draft.createdAt);
      const saved = await manager.save(manager.create(Draft, draft));
      await manager.save(queuedJob(manager, 'draft', saved.id, null, saved.createdAt));
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
    const values = { ...changes, updatedAt: this.clock.now() } as QueryDeepPartialEntity<Draft>;
    await this.drafts.update({ id }, values);
  }

  /**
   * Rows of a draft: its jobs, variants (cascade) and itself. The modules that keep a draft's id
   * hear of it in the same transaction through their registered hooks (bookings: a brief loses
   * its link and with it the preview; the text brief stays).
   */
  async deleteDraftRows(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await this.deletionHooks.run(ids, manager);
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

  /**
   * A variant's preview is stored: the variant is ready, and if its draft is unlocked its HD
   * image is asked for in the same transaction. The draft's row is locked like an unlock locks
   * it, so a preview finishing while the draft is being unlocked is never left without HD.
   */
  markPreviewReady(variant: DraftVariant, changes: VariantChanges): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const draft = await manager.findOne(Draft, {
        where: { id: variant.draftId },
        select: { id: true, unlocked: true },
        ...rowLock(this.dataSource),
      });
      await manager.update(DraftVariant, { id: variant.id }, { ...changes, status: 'ready' });
      if (draft?.unlocked) await this.queueHd(manager, variant.draftId, [variant.id]);
    });
  }

  /**
   * Unlocks a draft and asks for the HD image of every ready variant that has none (or whose
   * last try failed), in `manager`'s transaction (a webhook's) or a new one. Returns how many
   * HD images were asked for.
   */
  async unlockDraft(
    draftId: string,
    method: NonNullable<Draft['unlockMethod']>,
    manager?: EntityManager,
  ): Promise<number> {
    const run = async (m: EntityManager) => {
      await m.findOne(Draft, {
        where: { id: draftId },
        select: { id: true },
        ...rowLock(this.dataSource),
      });
      await m.update(
        Draft,
        { id: draftId },
        { unlocked: true, unlockMethod: method, updatedAt: this.clock.now() },
      );
      const waiting = await m.find(DraftVariant, {
        where: { draftId, status: 'ready', hdStatus: In(['none', 'failed']) },
        select: { id: true },
      });
      return this.queueHd(
        m,
        draftId,
        waiting.map((v) => v.id),
      );
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** One HD job per variant not already waiting for one (a conditional update claims it). */
  private async queueHd(
    manager: EntityManager,
    draftId: string,
    variantIds: string[],
  ): Promise<number> {
    let queued = 0;
    for (const variantId of variantIds) {
      const claimed = await manager.update(
        DraftVariant,
        { id: variantId, hdStatus: In(['none', 'failed']) },
        { hdStatus: 'queued' },
      );
      if (claimed.affected !== 1) continue;
      await manager.save(queuedJob(manager, 'hd', draftId, variantId, this.clock.now()));
      queued += 1;
    }
    return queued;
  }

  async deleteVariants(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.variants.delete({ id: In(ids) });
  }

  /**
   * A re-render: the variant and its render job, together, if `admit` lets the account have one
   * more; the draft then stands for this look (the client adjusted it last).
   */
  createVariantWithJob(
    ownerId: string,
    variant: NewDraftVariant,
    admit: Admit,
  ): Promise<DraftVariant> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwner(manager, ownerId);
      admit(await this.usageFacts(ownerId, 'rerender', variant.createdAt, manager));
      await this.recordUsage(manager, ownerId, 'rerender', variant.createdAt);
      const saved = await manager.save(manager.create(DraftVariant, variant));
      await manager.save(queuedJob(manager, 'variant', saved.draftId, saved.id, saved.createdAt));
      await manager.update(
        Draft,
        { id: saved.draftId },
        { chosenVariantId: saved.id, updatedAt: saved.createdAt },
      );
      return saved;
    });
  }

  /**
   * Re-renders of one style that have not started yet and are now out of date (a newer change
   * to the same style arrived): their jobs and variants go. A job a worker already took stays.
   */
  async dropWaitingRerenders(draftId: string, style: DraftVariant['style']): Promise<void> {
    const waiting = await this.variants.find({
      where: { draftId, style, status: 'queued', initial: false },
      select: { id: true },
    });
    for (const { id } of waiting) {
      const taken = await this.jobs.delete({ variantId: id, status: 'queued' });
      if (taken.affected === 1) await this.variants.delete({ id, status: 'queued' });
    }
  }

  // ---------------------------------------------------------------- fair use

  /** The account's accepted requests of the last hour and how many are waiting or running. */
  async usageFacts(
    ownerId: string,
    kind: DraftUsageKind,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UsageFacts> {
    const recent = await manager.find(DraftUsage, {
      where: { ownerId, kind, at: MoreThan(new Date(now.getTime() - FAIR_USE_WINDOW_MS)) },
      order: { at: 'ASC' },
      select: { at: true },
    });
    const inFlight =
      kind === 'upload'
        ? await manager.count(Draft, { where: { ownerId, status: In(['queued', 'processing']) } })
        : await manager
            .createQueryBuilder(DraftRenderJob, 'job')
            .innerJoin(Draft, 'draft', 'draft.id = job.draft_id')
            .where('draft.owner_id = :ownerId', { ownerId })
            .andWhere("job.kind = 'variant'")
            .andWhere("job.status IN ('queued', 'running')")
            .getCount();
    return { recent: recent.map((r) => r.at), inFlight };
  }

  private async recordUsage(
    manager: EntityManager,
    ownerId: string,
    kind: DraftUsageKind,
    at: Date,
  ): Promise<void> {
    // Rows past the window count for nothing any more.
    await manager.delete(DraftUsage, {
      ownerId,
      at: LessThanOrEqual(new Date(at.getTime() - FAIR_USE_WINDOW_MS)),
    });
    await manager.save(manager.create(DraftUsage, { ownerId, kind, at }));
  }

  /** One owner's counted work one transaction after another (SQLite's writes already are). */
  private async lockOwner(manager: EntityManager, ownerId: string): Promise<void> {
    if (this.dataSource.options.type !== 'postgres') return;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`draft-usage:${ownerId}`]);
  }
}

/** A render job waiting to be taken. */
function queuedJob(
  manager: EntityManager,
  kind: DraftRenderJob['kind'],
  draftId: string,
  variantId: string | null,
  createdAt: Date,
): DraftRenderJob {
  return manager.create(DraftRenderJob, {
    draftId,
    variantId,
    kind,
    status: 'queued',
    attempts: 0,
    error: null,
    createdAt,
    startedAt: null,
  });
}
