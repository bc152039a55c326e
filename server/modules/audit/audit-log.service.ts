import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import type { AuditEntry } from './audit.types';

/** What a change records; the subject, id and time are added when it is appended. */
export type NewAuditEvent = Omit<
  AuditEvent,
  'id' | 'assignId' | 'subjectType' | 'subjectId' | 'at'
>;

/** What an audit event is about: a booking, or a booking's gallery (id = the booking's). */
export interface AuditSubject {
  type: 'booking' | 'gallery';
  id: string;
}

/** The row an event becomes (for writers that insert it themselves, in their own statement). */
export function auditRecord(subject: AuditSubject, event: NewAuditEvent, at: Date): AuditEvent {
  return Object.assign(new AuditEvent(), event, {
    id: randomUUID(),
    subjectType: subject.type,
    subjectId: subject.id,
    at,
  });
}

/**
 * The one way to add to the audit trail: every event is appended inside the transaction of the
 * change it records, never updated or deleted. The notifications job reads it after its cursor.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Everything that happened to the subject, oldest first. */
  history(subject: AuditSubject): Promise<AuditEntry[]> {
    return this.events.find({
      where: { subjectType: subject.type, subjectId: subject.id },
      order: { at: 'ASC' },
    });
  }

  /** Events at or after `since`, oldest first, at most `limit` (a reader's cursor). */
  since(since: Date, limit: number): Promise<AuditEntry[]> {
    return this.events
      .createQueryBuilder('e')
      .where('e.at >= :since', { since })
      .orderBy('e.at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /**
   * For a writer that inserts rows in its own synchronous SQL transaction (the SQLite booking
   * writer): the row, and the TypeORM target that maps it to columns.
   */
  row(
    subject: AuditSubject,
    event: NewAuditEvent,
    at: Date,
  ): { target: typeof AuditEvent; row: AuditEvent } {
    return { target: AuditEvent, row: auditRecord(subject, event, at) };
  }

  async append(
    manager: EntityManager,
    subject: AuditSubject,
    event: NewAuditEvent,
    at: Date,
  ): Promise<void> {
    await manager.save(AuditEvent, auditRecord(subject, event, at));
  }

  /**
   * Facts observed about a subject that change none of its rows (a calendar event found over a
   * booking), appended together in their own transaction.
   */
  async record(events: { subject: AuditSubject; event: NewAuditEvent; at: Date }[]): Promise<void> {
    await this.events.manager.transaction((manager) => this.appendMany(manager, events));
  }

  async appendMany(
    manager: EntityManager,
    events: { subject: AuditSubject; event: NewAuditEvent; at: Date }[],
  ): Promise<void> {
    if (events.length === 0) return;
    await manager.save(
      AuditEvent,
      events.map((e) => auditRecord(e.subject, e.event, e.at)),
    );
  }
}
