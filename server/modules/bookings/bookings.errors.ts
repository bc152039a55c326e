import { BookingErrorCode } from '../../../shared/bookings/bookings.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class BookingError extends DomainError {
  static slotTaken(): BookingError {
    return new BookingError(
      BookingErrorCode.SlotTaken,
      ErrorKind.Conflict,
      'Someone else has just booked this time. Pick another slot.',
    );
  }

  static slotUnavailable(reason: string): BookingError {
    return new BookingError(BookingErrorCode.SlotUnavailable, ErrorKind.Conflict, reason);
  }

  static paymentRequired(): BookingError {
    return new BookingError(
      BookingErrorCode.PaymentRequired,
      ErrorKind.Conflict,
      'Pay through checkout to confirm this booking: the payment confirms it.',
    );
  }

  static notFound(): BookingError {
    return new BookingError(
      BookingErrorCode.BookingNotFound,
      ErrorKind.NotFound,
      'No such booking.',
    );
  }

  /** An illegal or no longer possible state change (always 409, never a silent no-op). */
  static transition(code: string, message: string): BookingError {
    return new BookingError(code, ErrorKind.Conflict, message);
  }
}
