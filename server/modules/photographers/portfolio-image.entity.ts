import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';
import { PhotographerProfile } from './photographer-profile.entity';

/** One re-encoded portfolio picture; the bytes live in blob storage. */
@Entity('portfolio_images')
export class PortfolioImage extends UuidEntity {
  @Index('ix_portfolio_images_photographer')
  @Column({ name: 'photographer_id', type: 'uuid' })
  photographerId!: string;

  @ManyToOne(() => PhotographerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'photographer_id' })
  photographer?: PhotographerProfile;

  @Column({ name: 'blob_key', type: 'varchar', length: 200 })
  blobKey!: string;

  @Column({ name: 'thumb_key', type: 'varchar', length: 200 })
  thumbKey!: string;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ type: 'varchar', length: 200, default: '' })
  caption!: string;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
