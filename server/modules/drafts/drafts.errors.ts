import { DraftErrorCode, type HdStatus } from '../../../shared/drafts/drafts.types';
import { PROCESSING_NOTICE_VERSION } from '../../../shared/drafts/processing-notice';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

/** A draft typically takes a few seconds: worth trying again after this long. */
const IN_FLIGHT_RETRY_SECONDS = 10;

export class DraftError extends DomainError {
  static consentRequired(): DraftError {
    return new DraftError(
      DraftErrorCode.ConsentRequired,
      ErrorKind.Invalid,
      `Confirm that the photo shows you and accept the processing notice (version ${PROCESSING_NOTICE_VERSION}) before uploading.`,
      [
        { path: 'consent', message: 'Must be "true"' },
        { path: 'noticeVersion', message: `Must be "${PROCESSING_NOTICE_VERSION}"` },
      ],
    );
  }

  /** Also for other people's drafts: their existence is not revealed. */
  static notFound(): DraftError {
    return new DraftError(DraftErrorCode.DraftNotFound, ErrorKind.NotFound, 'No such draft.');
  }

  static variantNotFound(): DraftError {
    return new DraftError(
      DraftErrorCode.VariantNotFound,
      ErrorKind.NotFound,
      'No such variant of this draft.',
    );
  }

  static notReady(): DraftError {
    return new DraftError(
      DraftErrorCode.DraftNotReady,
      ErrorKind.Conflict,
      'This draft is still being rendered. Try again in a few seconds.',
    );
  }

  static failed(): DraftError {
    return new DraftError(
      DraftErrorCode.DraftFailed,
      ErrorKind.Conflict,
      'This draft could not be made; upload another photo.',
    );
  }

  static variantNotReady(status: string): DraftError {
    return new DraftError(
      DraftErrorCode.VariantNotReady,
      ErrorKind.Conflict,
      status === 'failed'
        ? 'This look could not be rendered; adjust it again or pick another one.'
        : 'This look is still being rendered. Pick it again when it is ready.',
      { status },
    );
  }

  /** Fair use: uploads per hour, counted per account in the database. */
  static uploadsPerHour(limit: number, retryAfterSeconds: number): DraftError {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new DraftError(
      DraftErrorCode.DraftRateLimited,
      ErrorKind.RateLimited,
      `You have uploaded ${limit} photos in the last hour, the most we take per hour. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { limit, retryAfterSeconds },
    ).retryAfter(retryAfterSeconds);
  }

  /** Fair use: drafts queued or rendering at once, per account. */
  static tooManyInFlight(limit: number): DraftError {
    return new DraftError(
      DraftErrorCode.DraftsInFlight,
      ErrorKind.RateLimited,
      `${limit} of your drafts are still being made. Upload the next photo when one of them is ready.`,
      { limit },
    ).retryAfter(IN_FLIGHT_RETRY_SECONDS);
  }

  /** Fair use: re-renders waiting at once, or in the last hour, per account. */
  static tooManyRerenders(
    limit: number,
    window: 'in_flight' | 'hour',
    retryAfterSeconds: number,
  ): DraftError {
    return new DraftError(
      DraftErrorCode.RerenderRateLimited,
      ErrorKind.RateLimited,
      window === 'in_flight'
        ? `${limit} of your changes are still being rendered. Wait for them before changing more.`
        : `You have made ${limit} changes in the last hour, the most we render per hour. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`,
      { limit, window, retryAfterSeconds },
    ).retryAfter(retryAfterSeconds);
  }

  static hdNotReady(status: HdStatus): DraftError {
    return new DraftError(
      DraftErrorCode.HdNotReady,
      ErrorKind.Conflict,
      status === 'failed'
        ? 'The HD image could not be made. Choose "Unlock HD" again to retry.'
        : 'The HD image is still being made. It is usually ready within a few seconds.',
      { hdStatus: status },
    );
  }

  static hdLocked(): DraftError {
    return new DraftError(
      DraftErrorCode.HdLocked,
      ErrorKind.PaymentRequired,
      'The full-resolution image is locked. Unlock the draft to download it without the mark.',
    );
  }
}
