import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { chosenVariant } from './domain/chosen-variant';
import type { Draft } from './draft.entity';
import type { DraftVariant } from './draft-variant.entity';
import { DraftError } from './drafts.errors';
import { DraftsRepository } from './drafts.repository';

/** A client's draft as another module sees it: its status, report and one look. */
export interface DraftLook {
  draftId: string;
  status: Draft['status'];
  report: Draft['report'];
  variantId: string;
  style: DraftVariant['style'];
  params: DraftVariant['params'];
}

/** What the drafts module tells others about a client's looks (bookings' briefs). */
@Injectable()
export class DraftLooksService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly blobs: BlobStorageGateway,
  ) {}

  /** True when the draft exists and is the owner's. */
  async owns(ownerId: string, draftId: string): Promise<boolean> {
    return (await this.drafts.findOwnedDraft(ownerId, draftId)) !== null;
  }

  /**
   * A look's watermarked preview (never the HD image) while the draft and its files exist;
   * null once they are gone (the draft's files go first when it is deleted, its rows after).
   */
  async previewOf(draftId: string, variantId: string): Promise<Readable | null> {
    const variant = await this.drafts.findVariant(draftId, variantId);
    if (!variant?.previewBlobKey || variant.status !== 'ready') return null;
    if (!(await this.blobs.exists(variant.previewBlobKey))) return null;
    return this.blobs.open(variant.previewBlobKey);
  }

  /**
   * The owner's draft with the variant they named (ready), else its chosen look (the one last
   * adjusted or picked; the professional one when none). Someone else's draft is
   * DRAFT_NOT_FOUND, never revealed; a draft that is not ready answers its status and no look.
   */
  async lookOf(
    ownerId: string,
    draftId: string,
    variantId?: string,
  ): Promise<DraftLook | { draftId: string; status: Draft['status'] }> {
    const draft = await this.drafts.findOwnedDraft(ownerId, draftId);
    if (!draft) throw DraftError.notFound();
    if (draft.status !== 'ready') return { draftId: draft.id, status: draft.status };
    const variants = await this.drafts.variantsOf([draft.id]);
    const variant = variantId
      ? variants.find((v) => v.id === variantId && v.status === 'ready')
      : chosenVariant(draft.chosenVariantId, variants);
    if (!variant) throw DraftError.variantNotFound();
    return {
      draftId: draft.id,
      status: draft.status,
      report: draft.report,
      variantId: variant.id,
      style: variant.style,
      params: variant.params,
    };
  }
}
