import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '../../database/columns';
import type { DayInterval } from '../../../shared/photographers/slots';
import { PhotographerProfile } from './photographer-profile.entity';

/** Hours for one local date that replace the weekly ones; no intervals means closed. */
@Entity('availability_overrides')
@Index('uq_availability_overrides_date', ['photographerId', 'date'], { unique: true })
export class AvailabilityOverride extends UuidEntity {
  @Column({ name: 'photographer_id', type: 'uuid' })
  photographerId!: string;

  @ManyToOne(() => PhotographerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'photographer_id' })
  photographer?: PhotographerProfile;

  /** `YYYY-MM-DD` in the photographer's zone. */
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'simple-json' })
  intervals!: DayInterval[];
}
