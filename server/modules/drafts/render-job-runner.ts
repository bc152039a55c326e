import { Injectable, Logger } from '@nestjs/common';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { draftPrefix } from './draft-blob-keys';
import type { DraftRenderJob } from './draft-render-job.entity';
import { DraftRenderJobsRepository } from './draft-render-jobs.repository';
import { DraftRenderer } from './draft-renderer.service';
import { DraftsRepository } from './drafts.repository';
import { WorkerPoolClosedError } from './render/render-worker-pool';

/** Tries a render job gets before its draft or variant is marked failed. */
export const MAX_RENDER_ATTEMPTS = 3;

/**
 * How a run ended: `done`; `retry` (it failed and has attempts left: the row waits again);
 * `failed` (out of attempts: the draft or variant says so); `interrupted` (this process is
 * stopping: the job goes back to the queue untouched).
 */
export type RenderOutcome = 'done' | 'retry' | 'failed' | 'interrupted';

/**
 * Runs one claimed render job and records how it ended, for whichever queue claimed it (the
 * embedded table queue or BullMQ). Its row only changes while `owner` still holds it, and every
 * write of a render is keyed by the draft and variant, so running a job again (a stalled job
 * retried, a job taken over) overwrites the same files and rows: nothing completes twice.
 */
@Injectable()
export class RenderJobRunner {
  private readonly logger = new Logger(RenderJobRunner.name);

  constructor(
    private readonly drafts: DraftsRepository,
    private readonly jobs: DraftRenderJobsRepository,
    private readonly renderer: DraftRenderer,
    private readonly blobs: BlobStorageGateway,
  ) {}

  /** `job.attempts` counts this attempt. */
  async run(job: DraftRenderJob, owner: string, stopping: () => boolean): Promise<RenderOutcome> {
    let outcome: RenderOutcome;
    try {
      if (job.kind === 'draft') await this.renderer.renderDraft(job);
      else if (job.kind === 'hd') await this.renderer.renderHd(job);
      else await this.renderer.renderVariant(job);
      await this.finish(job, owner, 'done');
      outcome = 'done';
    } catch (error) {
      // Shutting down: the job stays ours until the queue hands it back.
      if (stopping() || error instanceof WorkerPoolClosedError) return 'interrupted';
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `Render job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${message}`,
      );
      if (job.attempts < MAX_RENDER_ATTEMPTS) {
        await this.finish(job, owner, 'queued', message);
        outcome = 'retry';
      } else {
        await this.renderer.giveUp(job, message);
        await this.finish(job, owner, 'failed', message);
        outcome = 'failed';
      }
    }
    // Deleted while rendering: remove whatever the job wrote afterwards.
    if (!stopping() && !(await this.drafts.findDraft(job.draftId))) {
      await this.blobs.deletePrefix(draftPrefix(job.draftId));
    }
    return outcome;
  }

  private async finish(
    job: DraftRenderJob,
    owner: string,
    status: 'done' | 'failed' | 'queued',
    error: string | null = null,
  ): Promise<void> {
    if (!(await this.jobs.finishJob(job.id, owner, status, error))) {
      this.logger.warn(`Render job ${job.id} was taken over while this process ran it`);
    }
  }
}
