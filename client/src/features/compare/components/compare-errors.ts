import { CompareErrorCode } from '@shared/compare/compare.types';
import { DraftErrorCode } from '@shared/drafts/drafts.types';
import { ApiError } from '@/lib/api-client';

export interface CompareProblem {
  title: string;
  text: string;
  /** True when the draft is the problem: offer the way back to the drafts. */
  aboutDraft: boolean;
  /** False when asking again cannot help (a draft that is gone, an unknown use case). */
  retryable: boolean;
}

/** A draft still rendering may be ready on the next try; a failed or expired one never will. */
function stillRendering(details: unknown): boolean {
  const status = (details as { status?: unknown } | undefined)?.status;
  return status === 'queued' || status === 'processing';
}

/** What to say for the comparison's own error codes; undefined for anything else. */
export function describeCompareProblem(error: unknown): CompareProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case CompareErrorCode.DraftNotComparable:
      return {
        title: "This draft can't be compared yet",
        text: `${error.message} Only a finished draft that hasn't expired can be set next to studio sessions.`,
        aboutDraft: true,
        retryable: stillRendering(error.details),
      };
    case DraftErrorCode.DraftNotFound:
      return {
        title: "We can't find that draft",
        text: 'It may have been deleted or expired, or it belongs to another account.',
        aboutDraft: true,
        retryable: false,
      };
    case CompareErrorCode.UnknownUseCase:
      return {
        title: 'Choose what the headshot is for',
        text: error.message,
        aboutDraft: false,
        retryable: false,
      };
    default:
      return undefined;
  }
}
