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
    case DraftErrorCode.HdLocked:
      return 'Unlock this draft to download the full-resolution images.';
    default:
      return undefined;
  }
}
