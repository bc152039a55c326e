import { DomainError, ErrorKind } from '../../../common/errors/domain-error';

export enum CalendarErrorCode {
  NotICalendar = 'CALENDAR_NOT_ICALENDAR',
}

/** The whole text is unusable; one bad event is never an error (it is reported as skipped). */
export class CalendarError extends DomainError {
  constructor(code: CalendarErrorCode, message: string) {
    super(code, ErrorKind.Unprocessable, message);
  }
}
