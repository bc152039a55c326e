import { CalendarErrorCode } from '../../../shared/calendars/calendars.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

/** Errors of the connected-calendars routes (what a remote server did is in fetch/ and caldav/). */
export class ExternalCalendarError extends DomainError {
  static notFound(): ExternalCalendarError {
    return new ExternalCalendarError(
      CalendarErrorCode.NotFound,
      ErrorKind.NotFound,
      'No such calendar is connected to your account.',
    );
  }

  static alreadyConnected(): ExternalCalendarError {
    return new ExternalCalendarError(
      CalendarErrorCode.AlreadyConnected,
      ErrorKind.Conflict,
      'This calendar is already connected. Use “Sync now” to read it again.',
    );
  }

  static limitReached(limit: number): ExternalCalendarError {
    return new ExternalCalendarError(
      CalendarErrorCode.LimitReached,
      ErrorKind.Conflict,
      `You can connect up to ${limit} calendars. Remove one to connect another.`,
    );
  }

  static needsProfile(): ExternalCalendarError {
    return new ExternalCalendarError(
      CalendarErrorCode.NoProfile,
      ErrorKind.Conflict,
      'Create your studio profile (with its time zone) before connecting calendars.',
    );
  }

  static credentialsUnreadable(): ExternalCalendarError {
    return new ExternalCalendarError(
      CalendarErrorCode.CredentialsUnreadable,
      ErrorKind.Unprocessable,
      'The stored password can no longer be read (the server’s key changed). Remove this calendar and connect it again.',
    );
  }
}
