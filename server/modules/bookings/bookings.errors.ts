import { BookingErrorCode } from '../../../shared/bookings/bookings.types';
import { CompareErrorCode } from '../../../shared/compare/compare.types';
import type { DraftStatus } from '../../../shared/drafts/drafts.types';
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

  static tooManyHolds(limit: number): BookingError {
    return new BookingError(
      BookingErrorCode.TooManyHolds,
      ErrorKind.RateLimited,
      `You are already holding ${limit} unconfirmed slot${limit === 1 ? '' : 's'}. Confirm or release one, or wait until a hold ends (15 minutes).`,
      { limit },
    ).retryAfter(60);
  }

  static tooManyWithPhotographer(limit: number): BookingError {
    return new BookingError(
      BookingErrorCode.TooManyWithPhotographer,
      ErrorKind.Conflict,
      `You already have ${limit} upcoming booking${limit === 1 ? '' : 's'} with this photographer. Once one has taken place, or if you cancel one, you can book another.`,
      { limit },
    );
  }

  static paymentRequired(): BookingError {
    return new BookingError(
      BookingErrorCode.PaymentRequired,
      ErrorKind.Conflict,
      'Pay through checkout to confirm this booking: the payment confirms it.',
    );
  }

  static nothingToPay(): BookingError {
    return new BookingError(
      BookingErrorCode.NothingToPay,
      ErrorKind.Conflict,
      'Nothing to pay for this booking: confirm it directly.',
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

  static briefNotFound(): BookingError {
    return new BookingError(
      BookingErrorCode.BriefNotFound,
      ErrorKind.NotFound,
      'This booking has no draft preview: the client deleted the draft (the text brief stays).',
    );
  }

  /**
   * Only a ready draft can be handed to a photographer; the code is the comparison's, since the
   * hand-off starts there and the same drafts are refused for the same reason.
   */
  static draftNotUsable(status: DraftStatus): BookingError {
    const why =
      status === 'failed'
        ? 'This draft could not be made, so it cannot be sent as a brief. Upload another photo or book without it.'
        : status === 'expired'
          ? 'This draft has expired, so it cannot be sent as a brief. Book without it or make a new one.'
          : 'This draft is still being rendered. Wait until it is ready, then book with it.';
    return new BookingError(CompareErrorCode.DraftNotComparable, ErrorKind.Conflict, why, {
      status,
    });
  }

  static credit(
    code: 'CREDIT_ALREADY_USED' | 'CREDIT_EXPIRED' | 'CREDIT_NOT_AVAILABLE',
    message: string,
  ): BookingError {
    return new BookingError(code, ErrorKind.Conflict, message);
  }

  static creditAlreadyUsed(): BookingError {
    return BookingError.credit(
      'CREDIT_ALREADY_USED',
      'This draft’s unlock has already been credited against another booking.',
    );
  }
}
