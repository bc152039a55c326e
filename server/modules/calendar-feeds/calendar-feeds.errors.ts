import { CalendarFeedErrorCode } from '../../../shared/calendar-feeds/calendar-feeds.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class CalendarFeedError extends DomainError {
  static notFound(): CalendarFeedError {
    return new CalendarFeedError(
      CalendarFeedErrorCode.FeedNotFound,
      ErrorKind.NotFound,
      'This calendar link does not exist or was replaced by a new one. Copy the current link from the studio page.',
    );
  }
}
