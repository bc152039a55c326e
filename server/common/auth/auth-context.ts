import type { UserRole } from '../../../shared/auth/auth.types';

/** Who is calling, resolved from the session cookie by the session guard. */
export interface AuthContext {
  userId: string;
  role: UserRole;
  /** Whether the account's email address was confirmed (booking and payouts need it). */
  emailVerified: boolean;
  /** Identifies the session row (SHA-256 of the cookie token). */
  sessionId: string;
  /** The token the browser must echo in `X-CSRF-Token` on writes. */
  csrfToken: string;
  sessionExpiresAt: Date;
}
