import { Injectable } from '@nestjs/common';
import { DraftErrorCode, STYLE_PRESETS } from '../../../shared/drafts/drafts.types';
import { STYLE_PRESET_PARAMS } from '../../../shared/drafts/style-presets';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { edgeColoursKey, maskKey, sourceKey, variantKey, workingKey } from './draft-blob-keys';
import type { DraftRenderJob } from './draft-render-job.entity';
import { type DraftVariant, unrenderedVariant } from './draft-variant.entity';
import type { Draft } from './draft.entity';
import { DraftsRepository } from './drafts.repository';
import type { DraftAnalysis } from './domain/draft-analysis';
import { qualityReport } from './domain/quality-report';
import { RenderWorkerPool } from './render/render-worker-pool';
import { Clock } from '../../common/clock';

/** Progress (percent) at each point of the first render. */
const PROGRESS = { analysing: 10, segmenting: 30, rendering: 45, done: 100 } as const;

/**
 * Runs render jobs: the first render of a draft (analysis → mask → three styles' previews →
 * report), re-renders of one variant's preview, and HD images of an unlocked draft's variants
 * (made only once someone may download them, after the previews). Pixels are produced in the
 * worker pool; this class only moves bytes between blob storage, the pool and the database.
 */
@Injectable()
export class DraftRenderer {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly blobs: BlobStorageGateway,
    private readonly pool: RenderWorkerPool,
    private readonly clock: Clock,
  ) {}

  async renderDraft(job: DraftRenderJob): Promise<void> {
    const draft = await this.drafts.findDraft(job.draftId);
    if (!draft || draft.status === 'ready' || draft.status === 'failed') return;
    await this.drafts.updateDraft(draft.id, {
      status: 'processing',
      stage: 'analysing',
      progress: PROGRESS.analysing,
    });

    let analysis = draft.analysis;
    let working: Buffer;
    let mask: Buffer;
    let edgeColours: Buffer | undefined;
    if (analysis && draft.workingBlobKey && draft.maskBlobKey) {
      // A retry after a restart: the analysis survived, only rendering is left.
      [working, mask, edgeColours] = await this.storedImages(
        draft.id,
        draft.workingBlobKey,
        draft.maskBlobKey,
      );
    } else {
      if (!draft.sourceBlobKey) throw new Error('The original upload is gone before analysis');
      const source = await this.blobs.get(draft.sourceBlobKey);
      const analysed = await this.pool.analyse(source, (stage) => {
        void this.drafts
          .updateDraft(draft.id, { stage, progress: PROGRESS[stage] })
          .catch(() => undefined);
      });
      if (!analysed.outcome.ok) {
        // The photo goes before the draft says it is finished, so "failed" never shows a kept photo.
        await this.deleteSource(draft);
        await this.drafts.updateDraft(draft.id, {
          status: 'failed',
          stage: 'done',
          progress: 100,
          failure: analysed.outcome.failure,
        });
        return;
      }
      analysis = analysed.outcome.analysis;
      working = bufferView(analysed.working!);
      mask = bufferView(analysed.mask!);
      edgeColours = analysed.edgeColours && bufferView(analysed.edgeColours);
      await this.blobs.put(workingKey(draft.id), working, 'image/jpeg');
      await this.blobs.put(maskKey(draft.id), mask, 'image/png');
      if (edgeColours) await this.blobs.put(edgeColoursKey(draft.id), edgeColours, 'image/png');
      await this.drafts.updateDraft(draft.id, {
        analysis,
        workingBlobKey: workingKey(draft.id),
        maskBlobKey: maskKey(draft.id),
      });
    }
    await this.drafts.updateDraft(draft.id, { stage: 'rendering', progress: PROGRESS.rendering });

    const variants = await this.initialVariants(draft.id);
    const inputs = sharedInputs(working, mask, edgeColours);
    let finished = variants.filter((v) => v.status === 'ready').length;
    await Promise.all(
      variants
        .filter((v) => v.status !== 'ready')
        .map(async (variant) => {
          Object.assign(variant, await this.renderAndStore(variant, analysis, inputs));
          finished += 1;
          const progress =
            PROGRESS.rendering +
            Math.round(((PROGRESS.done - PROGRESS.rendering - 5) * finished) / variants.length);
          await this.drafts.updateDraft(draft.id, { progress });
        }),
    );

    const professional = variants.find((v) => v.style === 'professional')!;
    const report = qualityReport(
      {
        ...analysis.measurements,
        tightFraming: professional.tight,
        hdSize: { width: professional.width ?? 0, height: professional.height ?? 0 },
        textureRetained: professional.textureRetained ?? 1,
      },
      draft.gazePreference,
    );
    await this.deleteSource(draft);
    await this.drafts.updateDraft(draft.id, {
      status: 'ready',
      stage: 'done',
      progress: PROGRESS.done,
      report,
      readyMs: this.clock.now().getTime() - draft.createdAt.getTime(),
    });
  }

  async renderVariant(job: DraftRenderJob): Promise<void> {
    const [draft, variant] = await Promise.all([
      this.drafts.findDraft(job.draftId),
      job.variantId ? this.drafts.findVariant(job.draftId, job.variantId) : null,
    ]);
    if (!draft || !variant || !draft.analysis || !draft.workingBlobKey || !draft.maskBlobKey)
      return;
    await this.drafts.updateVariant(variant.id, { status: 'rendering' });
    const [working, mask, edgeColours] = await this.storedImages(
      draft.id,
      draft.workingBlobKey,
      draft.maskBlobKey,
    );
    await this.renderAndStore(variant, draft.analysis, sharedInputs(working, mask, edgeColours));
  }

  /** The HD image of a ready variant of an unlocked draft. */
  async renderHd(job: DraftRenderJob): Promise<void> {
    const [draft, variant] = await Promise.all([
      this.drafts.findDraft(job.draftId),
      job.variantId ? this.drafts.findVariant(job.draftId, job.variantId) : null,
    ]);
    if (!draft?.unlocked || !variant || variant.status !== 'ready' || variant.hdBlobKey) return;
    if (!draft.analysis || !draft.workingBlobKey || !draft.maskBlobKey) return;
    await this.drafts.updateVariant(variant.id, { hdStatus: 'rendering' });
    const [working, mask, edgeColours] = await this.storedImages(
      draft.id,
      draft.workingBlobKey,
      draft.maskBlobKey,
    );
    const result = await this.renderPixels(
      draft.analysis,
      sharedInputs(working, mask, edgeColours),
      variant.params,
      'hd',
    );
    const hdBlobKey = variantKey(variant.draftId, variant.id, 'hd');
    await this.blobs.put(hdBlobKey, bufferView(result.image), 'image/jpeg');
    await this.drafts.updateVariant(variant.id, { hdBlobKey, hdStatus: 'ready' });
  }

  /** Marks what a job was making as failed, after its last attempt. */
  async giveUp(job: DraftRenderJob, reason: string): Promise<void> {
    if (job.kind === 'variant' && job.variantId) {
      await this.drafts.updateVariant(job.variantId, { status: 'failed' });
      return;
    }
    if (job.kind === 'hd' && job.variantId) {
      // The preview stays; unlocking again asks for the HD image again.
      await this.drafts.updateVariant(job.variantId, { hdStatus: 'failed' });
      return;
    }
    const draft = await this.drafts.findDraft(job.draftId);
    if (!draft) return;
    await this.deleteSource(draft);
    await this.drafts.updateDraft(draft.id, {
      status: 'failed',
      stage: 'done',
      failure: {
        code: DraftErrorCode.RenderFailed,
        message: 'Something went wrong while making your drafts. Please upload the photo again.',
        details: { reason },
      },
    });
  }

  private async initialVariants(draftId: string): Promise<DraftVariant[]> {
    const existing = (await this.drafts.variantsOf([draftId])).filter((v) => v.initial);
    if (existing.length === STYLE_PRESETS.length) return existing;
    const missing = STYLE_PRESETS.filter((style) => !existing.some((v) => v.style === style));
    const created = await Promise.all(
      missing.map((style) =>
        this.drafts.insertVariant(
          unrenderedVariant(
            {
              draftId,
              style,
              params: STYLE_PRESET_PARAMS[style],
              status: 'rendering',
              initial: true,
            },
            this.clock.now(),
          ),
        ),
      ),
    );
    return [...existing, ...created];
  }

  private async renderAndStore(
    variant: DraftVariant,
    analysis: DraftAnalysis,
    inputs: RenderInputs,
  ): Promise<Partial<DraftVariant>> {
    const started = performance.now();
    const result = await this.renderPixels(analysis, inputs, variant.params, 'preview');
    const keys = {
      previewBlobKey: variantKey(variant.draftId, variant.id, 'preview'),
      beforeBlobKey: variantKey(variant.draftId, variant.id, 'before'),
    };
    await Promise.all([
      this.blobs.put(keys.previewBlobKey, bufferView(result.image), 'image/jpeg'),
      this.blobs.put(keys.beforeBlobKey, bufferView(result.before!), 'image/jpeg'),
    ]);
    const changes: Partial<DraftVariant> = {
      ...keys,
      status: 'ready',
      // The HD image's size (shown before unlocking); its pixels are made after unlocking.
      width: result.width,
      height: result.height,
      renderMs: Math.round(performance.now() - started),
      textureRetained: result.textureRetained,
      tight: result.tight,
    };
    await this.drafts.markPreviewReady(variant, changes);
    return changes;
  }

  /**
   * A draft's stored working copy, matte and edge colours, which every render starts from. Drafts
   * made before edge decontamination have no edge colours: they render as they did.
   */
  private async storedImages(
    draftId: string,
    workingBlobKey: string,
    maskBlobKey: string,
  ): Promise<[Buffer, Buffer, Buffer | undefined]> {
    const edgeKey = edgeColoursKey(draftId);
    return Promise.all([
      this.blobs.get(workingBlobKey),
      this.blobs.get(maskBlobKey),
      this.blobs.exists(edgeKey).then((there) => (there ? this.blobs.get(edgeKey) : undefined)),
    ]);
  }

  private renderPixels(
    analysis: DraftAnalysis,
    inputs: RenderInputs,
    params: DraftVariant['params'],
    output: 'preview' | 'hd',
  ) {
    return this.pool.render({ analysis, ...inputs, params, output });
  }

  private async deleteSource(draft: Draft): Promise<void> {
    await this.blobs.delete(sourceKey(draft.id));
    await this.drafts.updateDraft(draft.id, {
      sourceBlobKey: null,
      sourceDeletedAt: this.clock.now(),
    });
  }
}

/** What every render of a draft starts from, in memory the render threads share. */
interface RenderInputs {
  working: Uint8Array;
  mask: Uint8Array;
  edgeColours?: Uint8Array;
}

/**
 * One copy into shared memory per draft: the three previews (and any re-render) read the same
 * bytes from the render threads, where posting a Buffer would clone it for every render and
 * leave the copies for the API thread's garbage collector.
 */
function sharedInputs(
  working: Buffer,
  mask: Buffer,
  edgeColours: Buffer | undefined,
): RenderInputs {
  const shared = (bytes: Uint8Array) => {
    const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
    copy.set(bytes);
    return copy;
  };
  return {
    working: shared(working),
    mask: shared(mask),
    edgeColours: edgeColours && shared(edgeColours),
  };
}

/** A Buffer over the same bytes (no copy). */
function bufferView(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
