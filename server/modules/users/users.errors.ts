import { AuthErrorCode } from '../../../shared/auth/auth.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class UserError extends DomainError {
  static emailTaken(): UserError {
    return new UserError(
      AuthErrorCode.EmailTaken,
      ErrorKind.Conflict,
      'An account with this email already exists. Log in instead.',
      [{ path: 'email', message: 'An account with this email already exists' }],
    );
  }
}
