import type { AuditEvent } from './audit-event.entity';

/** One event of the audit trail as other modules read it (never to be changed). */
export type AuditEntry = Readonly<AuditEvent>;
