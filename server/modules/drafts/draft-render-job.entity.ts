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
 * Claimed with a conditional UPDATE, so several processes can share it; a running job carries
 * a lease its process renews, and only a job whose lease ran out (its process died) is queued
 * again — never one another live process holds.
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

  /** The process running it (random per process start), while `running`. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  /** Until when that process holds it; it renews the lease while it works. */
  @InstantColumn({ name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;
}
