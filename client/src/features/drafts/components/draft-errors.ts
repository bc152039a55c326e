import { DraftErrorCode } from '@shared/drafts/drafts.types';
import { MediaErrorCode } from '@shared/media/media.types';
import { ApiError } from '@/lib/api-client';

/** Messages for the draft studio's own error codes; undefined for anything else. */
export function describeDraftError(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case DraftErrorCode.ConsentRequired:
      return 'Confirm that the photo shows you and accept the notice first.';
    case MediaErrorCode.UnsupportedImageType:
    case MediaErrorCode.ImageCorrupt:
    case MediaErrorCode.ImageTooLarge:
    case MediaErrorCode.ImageTooManyPixels:
      return error.message;
    case DraftErrorCode.DraftRateLimited:
    case DraftErrorCode.DraftsInFlight:
    case DraftErrorCode.RerenderRateLimited:
    case DraftErrorCode.VariantNotReady:
      // Fair use and the chosen look: the server's sentence says the limit and when to retry.
      return error.message;
    case DraftErrorCode.HdLocked:
      return 'Unlock this draft to download the full-resolution images.';
    default:
      return undefined;
  }
}
