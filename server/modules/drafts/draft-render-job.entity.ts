import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/**
 * `draft`: the first render (analysis and three previews); `variant`: a re-render's preview;
 * `hd`: the HD image of an unlocked variant, made after every waiting preview.
 */
export type RenderJobKind = 'draft' | 'variant' | 'hd';
export type RenderJobStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * The render queue, persisted: a restart finds unfinished jobs here and runs them again.
 * Claimed with a conditional UPDATE, so several processes could share it.
 */
@Entity('draft_render_jobs')
@Index('ix_draft_render_jobs_status_created', ['status', 'createdAt'])
export class DraftRenderJob extends UuidEntity {
  @Index('ix_draft_render_jobs_draft')
  @Column({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @Column({ name: 'variant_id', type: 'uuid', nullable: true })
  variantId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: RenderJobKind;

  @Column({ type: 'varchar', length: 20 })
  status!: RenderJobStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;

  @InstantColumn({ name: 'started_at', nullable: true })
  startedAt!: Date | null;
}
