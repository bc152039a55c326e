import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/**
 * A recurring job whose progress lives in the database, so a restart resumes where it stopped.
 * A run claims the row with a conditional update (`locked_until`), so two processes never run
 * the same job at once.
 */
@Entity('scheduled_jobs')
export class ScheduledJob extends UuidEntity {
  @Index('uq_scheduled_jobs_name', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** How far the job has read (e.g. the last audit event handled). */
  @InstantColumn({ name: 'cursor_at', nullable: true })
  cursorAt!: Date | null;

  @Column({ name: 'cursor_id', type: 'uuid', nullable: true })
  cursorId!: string | null;

  @InstantColumn({ name: 'next_run_at' })
  nextRunAt!: Date;

  @InstantColumn({ name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @InstantColumn({ name: 'last_run_at', nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
