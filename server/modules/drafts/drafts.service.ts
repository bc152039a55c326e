import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CreateVariantInput, UploadDraftFields } from '../../../shared/drafts/drafts.schema';
import {
  type DeletedDataDto,
  type DraftCreatedDto,
  type DraftDto,
  type DraftSummaryDto,
  type DraftVariantDto,
  MAX_VARIANTS_PER_DRAFT,
  type UnlockDto,
} from '../../../shared/drafts/drafts.types';
import { PROCESSING_NOTICE_VERSION } from '../../../shared/drafts/processing-notice';
import { STYLE_PRESET_PARAMS } from '../../../shared/drafts/style-presets';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { ImageGateway, type ImageSource, sourceSize } from '../media/image.service';
import { MediaError } from '../media/media.errors';
import { draftPrefix, sourceKey } from './draft-blob-keys';
import { toDraftDto, toDraftSummary, toVariantDto } from './draft-dto';
import { RenderQueue } from './render-queue';
import { DraftUnlockService } from './draft-unlock.service';
import type { Draft } from './draft.entity';
import { DraftError } from './drafts.errors';
import { unrenderedVariant } from './draft-variant.entity';
import { DraftsRepository } from './drafts.repository';
import { chosenVariant } from './domain/chosen-variant';
import { expiryFor } from './domain/draft-lifecycle';
import { decideFairUse, type UsageFacts } from './domain/fair-use';
import { WORKING_MAX } from './render/render-sizes';

/**
 * A client's AI drafts: upload, looks (re-renders), keep, unlock, delete.
 * At six collaborators already, so methods that need the time take `now` from the controller,
 * which reads `Clock`.
 */
@Injectable()
export class DraftsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly drafts: DraftsRepository,
    private readonly images: ImageGateway,
    private readonly blobs: BlobStorageGateway,
    private readonly queue: RenderQueue,
    private readonly unlocks: DraftUnlockService,
  ) {}

  /**
   * Consent first (nothing is read without it), then the photo is validated, turned upright
   * and stripped of all metadata before it is stored; the render job is queued with the row.
   */
  async upload(
    auth: AuthContext,
    photo: ImageSource | undefined,
    fields: UploadDraftFields,
    now: Date,
  ): Promise<DraftCreatedDto> {
    if (fields.consent !== 'true' || fields.noticeVersion !== PROCESSING_NOTICE_VERSION) {
      throw DraftError.consentRequired();
    }
    if (!photo || sourceSize(photo) === 0) throw MediaError.fileMissing('photo');
    // Fair use before any work (checked again, and recorded, with the row).
    this.admitUpload(await this.drafts.usageFacts(auth.userId, 'upload', now), now);
    // Reduced to the working size on arrival: more pixels than the drafts can use are never kept.
    const normalised = await this.images.normalise(photo, {
      maxPixels: this.config.uploads.maxPixels,
      maxDimension: WORKING_MAX,
      quality: 92,
      fastEncode: true,
    });
    const id = randomUUID();
    await this.blobs.put(sourceKey(id), normalised.data, 'image/jpeg');
    try {
      await this.drafts.createWithJob(
        {
          id,
          ownerId: auth.userId,
          status: 'queued',
          stage: 'queued',
          progress: 0,
          gazePreference: fields.gazePreference,
          consentNoticeVersion: PROCESSING_NOTICE_VERSION,
          consentAcceptedAt: now,
          sourceBlobKey: sourceKey(id),
          sourceDeletedAt: null,
          workingBlobKey: null,
          maskBlobKey: null,
          analysis: null,
          report: null,
          failure: null,
          keep: false,
          unlocked: false,
          unlockMethod: null,
          readyMs: null,
          chosenVariantId: null,
          expiresAt: expiryFor(now, this.config.drafts.retentionDays),
          createdAt: now,
          updatedAt: now,
        },
        (facts) => this.admitUpload(facts, now),
      );
    } catch (error) {
      // Nothing half-stored: no row, no file.
      await this.blobs.delete(sourceKey(id));
      throw error;
    }
    this.queue.kick();
    return { id, status: 'queued' };
  }

  async list(auth: AuthContext): Promise<DraftSummaryDto[]> {
    const drafts = await this.drafts.listByOwner(auth.userId);
    const variants = await this.drafts.variantsOf(drafts.map((d) => d.id));
    return drafts.map((d) =>
      toDraftSummary(
        d,
        variants.filter((v) => v.draftId === d.id),
      ),
    );
  }

  async get(auth: AuthContext, id: string): Promise<DraftDto> {
    const draft = await this.owned(auth, id);
    return toDraftDto(draft, await this.drafts.variantsOf([draft.id]));
  }

  /**
   * The owner's draft with its measured upload-to-ready time and its chosen look (the variant the
   * client last adjusted or picked), for the AI vs studio comparison.
   */
  async forComparison(
    auth: AuthContext,
    id: string,
  ): Promise<{ draft: DraftDto; chosen: DraftVariantDto | null; readyMs: number | null }> {
    const draft = await this.owned(auth, id);
    const dto = toDraftDto(draft, await this.drafts.variantsOf([draft.id]));
    return {
      draft: dto,
      chosen: dto.variants.find((v) => v.id === dto.chosenVariantId) ?? null,
      readyMs: draft.readyMs,
    };
  }

  /**
   * A re-render from the stored analysis and mask (no model runs again). The draft then stands
   * for this look: the comparison, the booking hand-off and the brief use it once it is ready.
   * A change to a style whose previous change has not started rendering replaces that one.
   */
  async createVariant(
    auth: AuthContext,
    id: string,
    input: CreateVariantInput,
    now: Date,
  ): Promise<DraftVariantDto> {
    const draft = await this.owned(auth, id);
    if (draft.status === 'failed') throw DraftError.failed();
    if (draft.status !== 'ready') throw DraftError.notReady();
    await this.drafts.dropWaitingRerenders(draft.id, input.style);
    const variant = await this.drafts.createVariantWithJob(
      auth.userId,
      unrenderedVariant(
        {
          draftId: draft.id,
          style: input.style,
          params: { ...STYLE_PRESET_PARAMS[input.style], ...input.params },
          status: 'queued',
          initial: false,
        },
        now,
      ),
      (facts) => this.admitRerender(facts, now),
    );
    await this.pruneVariants(draft.id, variant.id);
    this.queue.kick();
    return toVariantDto(variant, draft.unlocked);
  }

  /** Picks the look the comparison, the booking hand-off and the brief use (a ready variant). */
  async chooseVariant(auth: AuthContext, id: string, variantId: string): Promise<DraftDto> {
    const draft = await this.owned(auth, id);
    const variant = await this.drafts.findVariant(draft.id, variantId);
    if (!variant) throw DraftError.variantNotFound();
    if (variant.status !== 'ready') throw DraftError.variantNotReady(variant.status);
    await this.drafts.updateDraft(draft.id, { chosenVariantId: variant.id });
    return this.get(auth, id);
  }

  async openImage(
    auth: AuthContext,
    id: string,
    variantId: string,
    size: 'preview' | 'hd' | 'before',
  ): Promise<Readable> {
    const draft = await this.owned(auth, id);
    const variant = await this.drafts.findVariant(draft.id, variantId);
    if (!variant) throw DraftError.variantNotFound();
    if (variant.status !== 'ready') throw DraftError.notReady();
    if (size === 'hd' && !draft.unlocked) throw DraftError.hdLocked();
    if (size === 'hd' && !variant.hdBlobKey) throw DraftError.hdNotReady(variant.hdStatus);
    const key =
      size === 'hd'
        ? variant.hdBlobKey
        : size === 'before'
          ? variant.beforeBlobKey
          : variant.previewBlobKey;
    if (!key) throw DraftError.variantNotFound();
    return this.blobs.open(key);
  }

  /**
   * Unlocks the HD images: through a Stripe Checkout payment when online payments are on,
   * otherwise by the documented `manual` demo rule (free, and the draft records how).
   */
  async unlock(auth: AuthContext, id: string, now: Date): Promise<UnlockDto> {
    const draft = await this.owned(auth, id);
    if (draft.status !== 'ready') throw DraftError.notReady();
    if (draft.unlocked) {
      // HD images that could not be made are asked for again.
      const retried = await this.drafts.unlockDraft(draft.id, draft.unlockMethod ?? 'manual');
      if (retried > 0) this.queue.kick();
      return {
        unlocked: true,
        method: draft.unlockMethod === 'stripe' ? 'stripe' : 'manual',
        note:
          retried > 0
            ? 'Already unlocked. The HD images are being made again; they are usually ready within a few seconds.'
            : 'Already unlocked.',
      };
    }
    if (this.unlocks.online) return this.unlocks.startCheckout(draft, now);
    await this.drafts.unlockDraft(draft.id, 'manual');
    this.queue.kick();
    return {
      unlocked: true,
      method: 'manual',
      note: 'Demo rule: drafts unlock without payment until online payments are switched on. The HD images are being made; they are usually ready within a few seconds.',
    };
  }

  async setKeep(auth: AuthContext, id: string, keep: boolean, now: Date): Promise<DraftDto> {
    const draft = await this.owned(auth, id);
    await this.drafts.updateDraft(draft.id, {
      keep,
      // Un-keeping restarts the normal retention from today.
      ...(keep ? {} : { expiresAt: expiryFor(now, this.config.drafts.retentionDays) }),
    });
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const draft = await this.owned(auth, id);
    await this.deleteDrafts([draft.id]);
  }

  async removeAllOf(auth: AuthContext): Promise<DeletedDataDto> {
    const ids = await this.drafts.idsByOwner(auth.userId);
    await this.deleteDrafts(ids);
    return { draftsDeleted: ids.length };
  }

  /** Files first, then rows: a failure half-way leaves rows to retry with, never lost files. */
  async deleteDrafts(ids: string[]): Promise<void> {
    for (const id of ids) await this.blobs.deletePrefix(draftPrefix(id));
    await this.drafts.deleteDraftRows(ids);
  }

  private async owned(auth: AuthContext, id: string): Promise<Draft> {
    const draft = await this.drafts.findOwnedDraft(auth.userId, id);
    if (!draft) throw DraftError.notFound();
    return draft;
  }

  private admitUpload(facts: UsageFacts, now: Date): void {
    const { uploadsPerHour, maxInFlight } = this.config.drafts.fairUse;
    const decision = decideFairUse({ perHour: uploadsPerHour, inFlight: maxInFlight }, facts, now);
    if (decision.allowed) return;
    throw decision.limit === 'per_hour'
      ? DraftError.uploadsPerHour(uploadsPerHour, decision.retryAfterSeconds)
      : DraftError.tooManyInFlight(maxInFlight);
  }

  private admitRerender(facts: UsageFacts, now: Date): void {
    const { rerendersPerHour, maxRerendersInFlight } = this.config.drafts.fairUse;
    const limits = { perHour: rerendersPerHour, inFlight: maxRerendersInFlight };
    const decision = decideFairUse(limits, facts, now);
    if (decision.allowed) return;
    throw decision.limit === 'per_hour'
      ? DraftError.tooManyRerenders(rerendersPerHour, 'hour', decision.retryAfterSeconds)
      : DraftError.tooManyRerenders(maxRerendersInFlight, 'in_flight', 5);
  }

  /** Oldest re-renders go first beyond the cap; never the initial three, the new one or the chosen look. */
  private async pruneVariants(draftId: string, keepId: string): Promise<void> {
    const draft = await this.drafts.findDraft(draftId);
    const variants = await this.drafts.variantsOf([draftId]);
    const chosen = draft ? chosenVariant(draft.chosenVariantId, variants) : null;
    const removable = variants.filter(
      (v) =>
        !v.initial &&
        v.id !== keepId &&
        v.id !== chosen?.id &&
        v.status !== 'queued' &&
        v.status !== 'rendering',
    );
    const excess = variants.length - MAX_VARIANTS_PER_DRAFT;
    if (excess <= 0) return;
    const doomed = removable.slice(0, excess);
    for (const v of doomed) {
      for (const key of [v.previewBlobKey, v.hdBlobKey, v.beforeBlobKey]) {
        if (key) await this.blobs.delete(key);
      }
    }
    await this.drafts.deleteVariants(doomed.map((v) => v.id));
  }
}
