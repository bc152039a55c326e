import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type {
  DraftFailure,
  DraftStage,
  DraftStatus,
  GazePreference,
  QualityReport,
} from '../../../shared/drafts/drafts.types';
import { InstantColumn, UuidEntity } from '../../database/columns';
import type { DraftAnalysis } from './domain/draft-analysis';

/** One uploaded photo and what was made from it. Never holds identity data (see DraftAnalysis). */
@Entity('drafts')
export class Draft extends UuidEntity {
  // The owner's account is the users module's: referred to by id, with the database's key.
  @Index('ix_drafts_owner')
  @ForeignKey('users', { onDelete: 'CASCADE' })
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: DraftStatus;

  @Column({ type: 'varchar', length: 20 })
  stage!: DraftStage;

  @Column({ type: 'integer', default: 0 })
  progress!: number;

  @Column({ name: 'gaze_preference', type: 'varchar', length: 10 })
  gazePreference!: GazePreference;

  @Column({ name: 'consent_notice_version', type: 'varchar', length: 40 })
  consentNoticeVersion!: string;

  @InstantColumn({ name: 'consent_accepted_at' })
  consentAcceptedAt!: Date;

  /** The normalised upload; deleted when rendering ends (or by the sweeper within 24 h). */
  @Column({ name: 'source_blob_key', type: 'varchar', length: 200, nullable: true })
  sourceBlobKey!: string | null;

  @InstantColumn({ name: 'source_deleted_at', nullable: true })
  sourceDeletedAt!: Date | null;

  /** Reduced working copy and person mask, kept with the draft for re-renders. */
  @Column({ name: 'working_blob_key', type: 'varchar', length: 200, nullable: true })
  workingBlobKey!: string | null;

  @Column({ name: 'mask_blob_key', type: 'varchar', length: 200, nullable: true })
  maskBlobKey!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  analysis!: DraftAnalysis | null;

  @Column({ type: 'simple-json', nullable: true })
  report!: QualityReport | null;

  @Column({ type: 'simple-json', nullable: true })
  failure!: DraftFailure | null;

  @Column({ type: 'boolean', default: false })
  keep!: boolean;

  @Column({ type: 'boolean', default: false })
  unlocked!: boolean;

  /** How it was unlocked: `manual` (demo rule, no payment) until the payments module exists. */
  @Column({ name: 'unlock_method', type: 'varchar', length: 20, nullable: true })
  unlockMethod!: string | null;

  /** Upload to every first variant ready, measured by the renderer (the comparison's AI turnaround). */
  @Column({ name: 'ready_ms', type: 'integer', nullable: true })
  readyMs!: number | null;

  /**
   * The variant the client last adjusted (a re-render) or picked: the comparison, the booking
   * hand-off and the brief use it (see `chosenVariant`). No foreign key: variants belong to the
   * draft, and a missing one falls back to the professional look.
   */
  @Column({ name: 'chosen_variant_id', type: 'uuid', nullable: true })
  chosenVariantId!: string | null;

  @Index('ix_drafts_expires_at')
  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @Index('ix_drafts_created_at')
  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
