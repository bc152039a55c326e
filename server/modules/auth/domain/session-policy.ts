const MINUTE = 60_000;

/** How often an active session's expiry is pushed forward (limits writes per request). */
export const SESSION_EXTEND_EVERY_MS = 5 * MINUTE;

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
}

export function sessionExpiry(now: Date, ttlHours: number): Date {
  return new Date(now.getTime() + ttlHours * 60 * MINUTE);
}

export function isSessionLive(session: SessionTimes, now: Date): boolean {
  return session.expiresAt.getTime() > now.getTime();
}

/** Sliding expiry: an active session lives on, written at most every few minutes. */
export function shouldExtendSession(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_EXTEND_EVERY_MS;
}
