import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';
import { PhotographerProfile } from './photographer-profile.entity';

/** Whole days off, both ends included, as local dates in the photographer's zone. */
@Entity('time_off')
export class TimeOff extends UuidEntity {
  @Index('ix_time_off_photographer')
  @Column({ name: 'photographer_id', type: 'uuid' })
  photographerId!: string;

  @ManyToOne(() => PhotographerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'photographer_id' })
  photographer?: PhotographerProfile;

  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10 })
  endDate!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
