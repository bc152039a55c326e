import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

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
  async append(
    manager: EntityManager,
    subject: AuditSubject,
    event: NewAuditEvent,
    at: Date,
  ): Promise<void> {
    await manager.save(AuditEvent, auditRecord(subject, event, at));
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
