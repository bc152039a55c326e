import { DomainError, ErrorKind } from '../../../common/errors/domain-error';

/**
 * Stable codes for a CalDAV calendar that cannot be read or written. AUTH_FAILED, NOT_FOUND and
 * HTTP_ERROR are the same strings the calendar-URL fetcher uses, so a client handles both alike.
 */
export enum CaldavErrorCode {
  AuthFailed = 'CALENDAR_AUTH_FAILED',
  NotCaldav = 'CALENDAR_NOT_CALDAV',
  NotFound = 'CALENDAR_NOT_FOUND',
  HttpError = 'CALENDAR_HTTP_ERROR',
}

export class CaldavError extends DomainError {
  constructor(code: CaldavErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, ErrorKind.Unprocessable, message, details);
  }

  static authFailed(status: number): CaldavError {
    return new CaldavError(
      CaldavErrorCode.AuthFailed,
      'The calendar server refused the user name or password. For iCloud or Fastmail, use an app-specific password, not your account password.',
      { status },
    );
  }

  static notCaldav(reason: string): CaldavError {
    return new CaldavError(
      CaldavErrorCode.NotCaldav,
      `This address answers, but it is not a CalDAV calendar: ${reason}. Use the CalDAV address your calendar provider gives for other apps.`,
    );
  }

  static notFound(): CaldavError {
    return new CaldavError(
      CaldavErrorCode.NotFound,
      'The calendar server has nothing at this address (404). Check the address, or whether the calendar was deleted.',
      { status: 404 },
    );
  }

  static httpError(status: number, action: string): CaldavError {
    return new CaldavError(
      CaldavErrorCode.HttpError,
      `The calendar server answered HTTP ${status} when we tried to ${action}.`,
      { status },
    );
  }

  /** The error for a failed answer: 401/403 are the credentials, 404 the address, else the status. */
  static forStatus(status: number, action: string): CaldavError {
    if (status === 401 || status === 403) return CaldavError.authFailed(status);
    if (status === 404) return CaldavError.notFound();
    return CaldavError.httpError(status, action);
  }
}
