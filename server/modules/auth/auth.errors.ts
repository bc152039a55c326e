import { AccountErrorCode } from '../../../shared/auth/account.types';
import { AuthErrorCode } from '../../../shared/auth/auth.types';
import { CommonErrorCode } from '../../../shared/errors';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class AuthError extends DomainError {
  static invalidCredentials(): AuthError {
    return new AuthError(
      AuthErrorCode.InvalidCredentials,
      ErrorKind.Unauthenticated,
      'Email or password is wrong.',
    );
  }

  static weakPassword(reason: string): AuthError {
    return new AuthError(AuthErrorCode.WeakPassword, ErrorKind.Invalid, reason, [
      { path: 'password', message: reason },
    ]);
  }

  static unauthenticated(reason: 'missing' | 'expired'): AuthError {
    return new AuthError(
      CommonErrorCode.Unauthenticated,
      ErrorKind.Unauthenticated,
      reason === 'missing' ? 'Log in to continue.' : 'Your session has ended. Log in again.',
    );
  }

  static sessionNotFound(): AuthError {
    return new AuthError(
      AccountErrorCode.SessionNotFound,
      ErrorKind.NotFound,
      'That session has already ended.',
    );
  }

  static emailNotVerified(): AuthError {
    return new AuthError(
      AccountErrorCode.EmailNotVerified,
      ErrorKind.Forbidden,
      'Confirm your email address first: follow the link we sent you, or ask for a new one.',
    );
  }

  static csrfTokenInvalid(): AuthError {
    return new AuthError(
      CommonErrorCode.CsrfTokenInvalid,
      ErrorKind.Forbidden,
      'Missing or wrong X-CSRF-Token header. Reload the page and try again.',
    );
  }

  static forbiddenRole(): AuthError {
    return new AuthError(
      CommonErrorCode.Forbidden,
      ErrorKind.Forbidden,
      'Your account cannot do this.',
    );
  }
}
