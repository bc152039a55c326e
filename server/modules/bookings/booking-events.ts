import type { AuthContext } from '../../common/auth/auth-context';
import type { NewAuditEvent } from './booking-writer';

/** The audit event of a change made by the caller. */
export function eventOf(
  auth: AuthContext,
  action: string,
  fromStatus: string | null,
  toStatus: string,
  details: Record<string, unknown> | null = null,
): NewAuditEvent {
  return { action, fromStatus, toStatus, actorId: auth.userId, actorRole: auth.role, details };
}
