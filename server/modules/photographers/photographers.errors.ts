import { AccountErrorCode } from '../../../shared/auth/account.types';
import { PhotographerErrorCode } from '../../../shared/photographers/photographers.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class PhotographerError extends DomainError {
  static notFound(): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.NotFound,
      ErrorKind.NotFound,
      'No such photographer, or the profile is not public.',
    );
  }

  /** Approval needs an address the photographer has confirmed. */
  static ownerNotVerified(): PhotographerError {
    return new PhotographerError(
      AccountErrorCode.EmailNotVerified,
      ErrorKind.Forbidden,
      'This photographer has not confirmed their email address yet; they can be approved once they have.',
    );
  }

  static profileMissing(): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.ProfileMissing,
      ErrorKind.NotFound,
      'Create your photographer profile first.',
    );
  }

  static packageNotFound(): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.PackageNotFound,
      ErrorKind.NotFound,
      'No such package.',
    );
  }

  static packageInactive(): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.PackageInactive,
      ErrorKind.Conflict,
      'This package is not offered at the moment.',
    );
  }

  static timeOffNotFound(): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.TimeOffNotFound,
      ErrorKind.NotFound,
      'No such days off.',
    );
  }

  static imageNotFound(): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.ImageNotFound,
      ErrorKind.NotFound,
      'No such portfolio image.',
    );
  }

  static portfolioFull(max: number): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.PortfolioFull,
      ErrorKind.Conflict,
      `A portfolio holds at most ${max} images. Delete one first.`,
    );
  }

  static uploadMissing(): PhotographerError {
    return new PhotographerError(
      PhotographerErrorCode.UploadMissing,
      ErrorKind.Invalid,
      'Attach the picture as the multipart field "image".',
      [{ path: 'image', message: 'Attach a picture' }],
    );
  }
}
