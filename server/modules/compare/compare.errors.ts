import { CompareErrorCode } from '../../../shared/compare/compare.types';
import { USE_CASES } from '../../../shared/compare/use-cases';
import type { DraftStatus } from '../../../shared/drafts/drafts.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class CompareError extends DomainError {
  static unknownUseCase(given: string | undefined): CompareError {
    return new CompareError(
      CompareErrorCode.UnknownUseCase,
      ErrorKind.Invalid,
      `${given ? `"${given}" is not a use case we compare` : 'Choose a use case'}: use one of ${USE_CASES.join(', ')}.`,
      { validUseCases: [...USE_CASES] },
    );
  }

  static draftNotComparable(status: DraftStatus): CompareError {
    const why: Record<DraftStatus, string> = {
      queued: 'This draft is still waiting to render; compare it once it is ready.',
      processing: 'This draft is still rendering; compare it once it is ready.',
      ready: '',
      failed: 'This draft failed, so there is nothing to compare: upload another photo.',
      expired: 'This draft has expired and its images are gone: upload another photo.',
    };
    return new CompareError(CompareErrorCode.DraftNotComparable, ErrorKind.Conflict, why[status], {
      status,
    });
  }
}
