import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type {
  HdStatus,
  StylePreset,
  VariantParams,
  VariantStatus,
} from '../../../shared/drafts/drafts.types';
import { InstantColumn, UuidEntity } from '../../database/columns';
import { Draft } from './draft.entity';

/** One styled rendering of a draft. */
@Entity('draft_variants')
export class DraftVariant extends UuidEntity {
  @Index('ix_draft_variants_draft')
  @Column({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @ManyToOne(() => Draft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id' })
  draft?: Draft;

  @Column({ type: 'varchar', length: 20 })
  style!: StylePreset;

  @Column({ type: 'simple-json' })
  params!: VariantParams;

  @Column({ type: 'varchar', length: 20 })
  status!: VariantStatus;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  @Column({ name: 'render_ms', type: 'integer', nullable: true })
  renderMs!: number | null;

  @Column({ name: 'preview_blob_key', type: 'varchar', length: 200, nullable: true })
  previewBlobKey!: string | null;

  @Column({ name: 'hd_blob_key', type: 'varchar', length: 200, nullable: true })
  hdBlobKey!: string | null;

  /** HD images are made after the preview, once the draft is unlocked. */
  @Column({ name: 'hd_status', type: 'varchar', length: 20, default: 'none' })
  hdStatus!: HdStatus;

  /** The same crop of the untouched photo, for the before/after slider. */
  @Column({ name: 'before_blob_key', type: 'varchar', length: 200, nullable: true })
  beforeBlobKey!: string | null;

  @Column({ name: 'texture_retained', type: 'real', nullable: true })
  textureRetained!: number | null;

  @Column({ type: 'boolean', default: false })
  tight!: boolean;

  /** One of the three variants made at upload (the report reads the professional one). */
  @Column({ type: 'boolean', default: false })
  initial!: boolean;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}

export type NewDraftVariant = Omit<DraftVariant, 'id' | 'draft' | 'assignId'>;

/** A variant about to be rendered: its look decided, no pixels yet. */
export function unrenderedVariant(
  look: Pick<DraftVariant, 'draftId' | 'style' | 'params' | 'status' | 'initial'>,
  createdAt: Date,
): NewDraftVariant {
  return {
    ...look,
    width: null,
    height: null,
    renderMs: null,
    previewBlobKey: null,
    hdBlobKey: null,
    hdStatus: 'none',
    beforeBlobKey: null,
    textureRetained: null,
    tight: false,
    createdAt,
  };
}
