/** Account lifecycle: password reset, email verification and change, sessions, deletion. */

export const AccountErrorCode = {
  ResetTokenInvalid: 'RESET_TOKEN_INVALID',
  ResetTokenExpired: 'RESET_TOKEN_EXPIRED',
  /** A verification or email-change link that was never issued. */
  LinkInvalid: 'LINK_INVALID',
  /** A verification or email-change link that was used already or is too old. */
  LinkExpired: 'LINK_EXPIRED',
  EmailNotVerified: 'EMAIL_NOT_VERIFIED',
  PasswordIncorrect: 'PASSWORD_INCORRECT',
  SessionNotFound: 'SESSION_NOT_FOUND',
  /** A photographer cannot delete the account while clients are booked with them. */
  AccountHasBookings: 'ACCOUNT_HAS_BOOKINGS',
} as const;

/** How long each emailed link works. */
export const PASSWORD_RESET_TTL_MINUTES = 30;
export const VERIFY_EMAIL_TTL_HOURS = 48;
export const EMAIL_CHANGE_TTL_HOURS = 24;

/** Client pages the emailed links open (each reads `?token=`). */
export const ACCOUNT_LINK_PATHS = {
  forgotPassword: '/forgot-password',
  passwordReset: '/reset-password',
  verifyEmail: '/verify-email',
  emailChange: '/confirm-email-change',
} as const;

export interface SessionInfoDto {
  /** Opaque; pass to `DELETE /api/me/sessions/:id`. */
  id: string;
  /** "Chrome on Windows", from the browser's user agent at log-in; "Unknown device" without one. */
  device: string;
  createdAt: string;
  /** Updated at most every five minutes while the session is used. */
  lastUsedAt: string;
  /** The session this request came from. */
  current: boolean;
}

export interface EmailChangeAcceptedDto {
  status: 'check_email';
  /** Where the confirmation link went; the account keeps its address until it is followed. */
  pendingEmail: string;
}

/** A booking that stops a photographer's account from being deleted (409 details). */
export interface BlockingBookingDto {
  id: string;
  startsAt: string;
  clientName: string;
  status: string;
}

/** What deleting an account did. */
export interface AccountDeletedDto {
  deleted: true;
  /** Future bookings cancelled under their policy, with the refund each one got (minor units). */
  cancelledBookings: { id: string; refundCents: number; currency: string }[];
}
