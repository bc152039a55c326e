import { DomainError, ErrorKind } from '../../../common/errors/domain-error';

export enum CalendarFetchErrorCode {
  UrlInvalid = 'CALENDAR_URL_INVALID',
  AddressRefused = 'CALENDAR_ADDRESS_REFUSED',
  Unreachable = 'CALENDAR_UNREACHABLE',
  Timeout = 'CALENDAR_TIMEOUT',
  TooLarge = 'CALENDAR_TOO_LARGE',
  TooManyRedirects = 'CALENDAR_TOO_MANY_REDIRECTS',
  AuthFailed = 'CALENDAR_AUTH_FAILED',
  NotFound = 'CALENDAR_NOT_FOUND',
  HttpError = 'CALENDAR_HTTP_ERROR',
}

/**
 * Fetching a photographer's calendar link failed. Every message says what the photographer can
 * do about it, because they pasted the link and only they can fix it.
 */
export class CalendarFetchError extends DomainError {
  constructor(code: CalendarFetchErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, ErrorKind.Unprocessable, message, details);
  }

  static urlInvalid(why: string): CalendarFetchError {
    return new CalendarFetchError(
      CalendarFetchErrorCode.UrlInvalid,
      `This calendar link cannot be used: ${why}`,
    );
  }

  /** The host is not part of the site the photographer entered (a redirect or a DAV href). */
  static outsideSite(host: string, site: string): CalendarFetchError {
    return new CalendarFetchError(
      CalendarFetchErrorCode.AddressRefused,
      `The calendar server sent us on to ${host}, which is not part of ${site}. We only follow links within the site you entered; paste the link your calendar app gives you for sharing.`,
      { host, reason: 'outside_site' },
    );
  }

  static privateAddress(host: string, address: string): CalendarFetchError {
    const where = host === address ? address : `${host} (${address})`;
    return new CalendarFetchError(
      CalendarFetchErrorCode.AddressRefused,
      `${where} is a private, local or reserved network address. Calendars can only be fetched from the public internet; use the link your calendar provider shares publicly.`,
      { host, address, reason: 'private_address' },
    );
  }

  static unreachable(host: string, why: string, cause?: string): CalendarFetchError {
    return new CalendarFetchError(
      CalendarFetchErrorCode.Unreachable,
      `We could not reach ${host}: ${why}. Check the link, or try again later.`,
      { host, cause },
    );
  }

  static timeout(host: string, timeoutMs: number): CalendarFetchError {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    return new CalendarFetchError(
      CalendarFetchErrorCode.Timeout,
      `${host} did not send the calendar within ${seconds} seconds. Try again later; if it keeps happening, the server may be down.`,
      { host, timeoutMs },
    );
  }

  static tooLarge(host: string, maxBytes: number): CalendarFetchError {
    const size =
      maxBytes >= 1024 * 1024
        ? `${Math.round(maxBytes / (1024 * 1024))} MB`
        : `${Math.ceil(maxBytes / 1024)} KB`;
    return new CalendarFetchError(
      CalendarFetchErrorCode.TooLarge,
      `The calendar at ${host} is larger than ${size}, more than we accept. Share a calendar with fewer or shorter events, or one covering less history.`,
      { host, maxBytes },
    );
  }

  static tooManyRedirects(host: string, max: number): CalendarFetchError {
    return new CalendarFetchError(
      CalendarFetchErrorCode.TooManyRedirects,
      `${host} redirected us more than ${max} times. Open the link in a browser to check it, then paste the address it ends up at.`,
      { host, max },
    );
  }
}

/**
 * The error for an HTTP error status the caller decided not to accept; `what` names the thing
 * asked for, e.g. "the calendar link" or "the CalDAV server".
 */
export function httpStatusError(status: number, what: string): CalendarFetchError {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  if (status === 401 || status === 403) {
    return new CalendarFetchError(
      CalendarFetchErrorCode.AuthFailed,
      `${What}: the server refused the user name or password (HTTP ${status}). Check them; some providers, such as iCloud, need an app-specific password.`,
      { status },
    );
  }
  if (status === 404 || status === 410) {
    return new CalendarFetchError(
      CalendarFetchErrorCode.NotFound,
      `${What} was not found at this address (HTTP ${status}). Copy the link again from your calendar app; it may have been reset.`,
      { status },
    );
  }
  return new CalendarFetchError(
    CalendarFetchErrorCode.HttpError,
    `${What} answered with an error (HTTP ${status}). Try again later; if it keeps happening, check the link.`,
    { status },
  );
}
