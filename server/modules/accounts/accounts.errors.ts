import { AccountErrorCode, type BlockingBookingDto } from '../../../shared/auth/account.types';
import { CommonErrorCode } from '../../../shared/errors';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class AccountError extends DomainError {
  static resetTokenInvalid(): AccountError {
    return new AccountError(
      AccountErrorCode.ResetTokenInvalid,
      ErrorKind.Invalid,
      'This reset link is not valid. Copy the whole link from the email, or ask for a new one.',
    );
  }

  static resetTokenExpired(): AccountError {
    return new AccountError(
      AccountErrorCode.ResetTokenExpired,
      ErrorKind.Gone,
      'This reset link was used already or is more than 30 minutes old. Ask for a new one.',
    );
  }

  static linkInvalid(): AccountError {
    return new AccountError(
      AccountErrorCode.LinkInvalid,
      ErrorKind.Invalid,
      'This link is not valid. Copy the whole link from the email, or ask for a new one.',
    );
  }

  static linkExpired(): AccountError {
    return new AccountError(
      AccountErrorCode.LinkExpired,
      ErrorKind.Gone,
      'This link was used already or has expired. Ask for a new one.',
    );
  }

  static passwordIncorrect(field: 'currentPassword' | 'password'): AccountError {
    return new AccountError(
      AccountErrorCode.PasswordIncorrect,
      ErrorKind.Invalid,
      'That is not your current password.',
      [{ path: field, message: 'That is not your current password' }],
    );
  }

  static tooManyEmails(retryAfterSeconds: number): AccountError {
    return new AccountError(
      CommonErrorCode.RateLimited,
      ErrorKind.RateLimited,
      'We sent several links in the last hour already. Check your inbox and spam folder, or try again later.',
    ).retryAfter(retryAfterSeconds);
  }

  static hasBookings(
    bookings: BlockingBookingDto[],
    role: 'client' | 'photographer',
  ): AccountError {
    return new AccountError(
      AccountErrorCode.AccountHasBookings,
      ErrorKind.Conflict,
      role === 'photographer'
        ? `Clients are booked with you (${bookings.length}). Cancel or decline these bookings, or hold the sessions, before deleting your account.`
        : `These bookings cannot be cancelled any more (${bookings.length}); the account can be deleted once they are over.`,
      { bookings },
    );
  }
}
