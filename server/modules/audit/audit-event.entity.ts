import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, UuidEntity } from '../../database/columns';

/** One change of a booking or its gallery: who did what, when. Append-only, written through AuditLog. */
@Entity('audit_events')
@Index('ix_audit_events_subject', ['subjectType', 'subjectId', 'at'])
export class AuditEvent extends UuidEntity {
  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 32 })
  toStatus!: string;

  /** Null for the system (e.g. a hold that lapsed). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole!: string;

  @Column({ type: 'simple-json', nullable: true })
  details!: Record<string, unknown> | null;

  @InstantColumn()
  at!: Date;
}
