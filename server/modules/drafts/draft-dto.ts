import type {
  DraftDto,
  DraftSummaryDto,
  DraftVariantDto,
} from '../../../shared/drafts/drafts.types';
import { chosenVariant } from './domain/chosen-variant';
import type { DraftVariant } from './draft-variant.entity';
import type { Draft } from './draft.entity';

const imageUrl = (v: DraftVariant, size: 'preview' | 'hd' | 'before') =>
  `/api/drafts/${v.draftId}/variants/${v.id}/image?size=${size}`;

export function toVariantDto(variant: DraftVariant, unlocked: boolean): DraftVariantDto {
  const ready = variant.status === 'ready';
  return {
    id: variant.id,
    style: variant.style,
    params: variant.params,
    status: variant.status,
    width: variant.width,
    height: variant.height,
    renderMs: variant.renderMs,
    previewUrl: ready ? imageUrl(variant, 'preview') : null,
    hdUrl: ready && unlocked && variant.hdBlobKey ? imageUrl(variant, 'hd') : null,
    hdStatus: unlocked ? variant.hdStatus : 'none',
    beforeUrl: ready && variant.beforeBlobKey ? imageUrl(variant, 'before') : null,
    createdAt: variant.createdAt.toISOString(),
  };
}

export function toDraftDto(draft: Draft, variants: DraftVariant[]): DraftDto {
  return {
    id: draft.id,
    status: draft.status,
    stage: draft.stage,
    progress: draft.progress,
    gazePreference: draft.gazePreference,
    consent: {
      noticeVersion: draft.consentNoticeVersion,
      acceptedAt: draft.consentAcceptedAt.toISOString(),
    },
    keep: draft.keep,
    unlocked: draft.unlocked,
    sourceDeleted: draft.sourceBlobKey === null,
    failure: draft.failure,
    report: draft.report,
    variants: variants.map((v) => toVariantDto(v, draft.unlocked)),
    chosenVariantId: chosenVariant(draft.chosenVariantId, variants)?.id ?? null,
    createdAt: draft.createdAt.toISOString(),
    expiresAt: draft.expiresAt.toISOString(),
  };
}

export function toDraftSummary(draft: Draft, variants: DraftVariant[]): DraftSummaryDto {
  // The thumbnail shows the chosen look, as the comparison and the brief do.
  const first = chosenVariant(draft.chosenVariantId, variants);
  return {
    id: draft.id,
    status: draft.status,
    keep: draft.keep,
    unlocked: draft.unlocked,
    thumbnailUrl: first ? imageUrl(first, 'preview') : null,
    createdAt: draft.createdAt.toISOString(),
    expiresAt: draft.expiresAt.toISOString(),
  };
}
