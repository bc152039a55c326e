import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

export type DraftUsageKind = 'upload' | 'rerender';

/**
 * Fair use, counted in the database so every process sees the same count: one row per accepted
 * upload or re-render. Rows outlive a deleted draft (deleting a draft does not give its upload
 * back) and go once older than the hour they count in. Holds no photo data, only who and when.
 */
@Entity('draft_usage')
@Index('ix_draft_usage_owner_kind_at', ['ownerId', 'kind', 'at'])
export class DraftUsage extends UuidEntity {
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: DraftUsageKind;

  @InstantColumn()
  at!: Date;
}
