import { DraftErrorCode } from '../../../shared/drafts/drafts.types';
import { PROCESSING_NOTICE_VERSION } from '../../../shared/drafts/processing-notice';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

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

  static hdLocked(): DraftError {
    return new DraftError(
      DraftErrorCode.HdLocked,
      ErrorKind.PaymentRequired,
      'The full-resolution image is locked. Unlock the draft to download it without the mark.',
    );
  }
}
