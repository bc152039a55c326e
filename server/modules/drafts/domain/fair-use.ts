/**
 * Fair use of the render capacity, per account: how many requests an hour, and how many waiting
 * or running at once. Pure: the repository counts, this decides.
 */

export const FAIR_USE_WINDOW_MS = 3_600_000;

export interface FairUseLimits {
  perHour: number;
  inFlight: number;
}

/** What the database says about one account, for one kind of request. */
export interface UsageFacts {
  /** When each accepted request of the last hour was made, oldest first. */
  recent: readonly Date[];
  /** Requests of this kind queued or being processed now. */
  inFlight: number;
}

export type FairUseDecision =
  | { allowed: true }
  | { allowed: false; limit: 'per_hour'; retryAfterSeconds: number }
  | { allowed: false; limit: 'in_flight' };

/**
 * The hourly limit is checked first (it lasts longer, so it is the more useful thing to say);
 * its Retry-After is when enough of the hour's requests have aged out for one more.
 */
export function decideFairUse(
  limits: FairUseLimits,
  facts: UsageFacts,
  now: Date,
): FairUseDecision {
  const windowStart = now.getTime() - FAIR_USE_WINDOW_MS;
  const recent = facts.recent.filter((at) => at.getTime() > windowStart);
  if (recent.length >= limits.perHour) {
    const agesOut = recent[recent.length - limits.perHour]!.getTime() + FAIR_USE_WINDOW_MS;
    return {
      allowed: false,
      limit: 'per_hour',
      retryAfterSeconds: Math.max(1, Math.ceil((agesOut - now.getTime()) / 1000)),
    };
  }
  if (facts.inFlight >= limits.inFlight) return { allowed: false, limit: 'in_flight' };
  return { allowed: true };
}
