import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '../../database/columns';
import { PhotographerProfile } from './photographer-profile.entity';

/** One weekly working interval, wall-clock minutes in the photographer's zone. */
@Entity('availability_rules')
export class AvailabilityRule extends UuidEntity {
  @Index('ix_availability_rules_photographer')
  @Column({ name: 'photographer_id', type: 'uuid' })
  photographerId!: string;

  @ManyToOne(() => PhotographerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'photographer_id' })
  photographer?: PhotographerProfile;

  /** ISO weekday: Monday 1 … Sunday 7. */
  @Column({ type: 'integer' })
  weekday!: number;

  @Column({ name: 'start_minute', type: 'integer' })
  startMinute!: number;

  /** Up to 1440 (midnight at the end of the day). */
  @Column({ name: 'end_minute', type: 'integer' })
  endMinute!: number;
}
