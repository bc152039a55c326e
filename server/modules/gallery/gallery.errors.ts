import { GalleryErrorCode } from '../../../shared/gallery/gallery.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class GalleryError extends DomainError {
  static notOpen(status: string): GalleryError {
    return new GalleryError(
      GalleryErrorCode.GalleryNotOpen,
      ErrorKind.Conflict,
      status === 'delivered'
        ? 'This booking is already delivered; its gallery is closed for changes.'
        : 'Proofs can be uploaded once the session is marked completed.',
      { bookingStatus: status },
    );
  }

  /** Also for other people's images: their existence is not revealed. */
  static imageNotFound(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.GalleryImageNotFound,
      ErrorKind.NotFound,
      'No such photo.',
    );
  }

  static noImagesAccepted(rejected: { fileName: string; code: string; message: string }[]) {
    return new GalleryError(
      GalleryErrorCode.NoImagesAccepted,
      ErrorKind.Unprocessable,
      rejected.length === 0
        ? 'Attach at least one photo as the multipart field "images".'
        : 'None of the files could be used.',
      { rejected },
    );
  }

  static tooManyFiles(max: number): GalleryError {
    return new GalleryError(
      GalleryErrorCode.TooManyFiles,
      ErrorKind.Invalid,
      `Send at most ${max} files per request.`,
      { max },
    );
  }

  static noProofs(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.NoProofs,
      ErrorKind.Conflict,
      'Upload at least one proof before sharing the gallery.',
    );
  }

  static proofsNotPublished(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.ProofsNotPublished,
      ErrorKind.Conflict,
      'The photographer has not shared the proofs yet.',
    );
  }

  static selectionInvalid(unknownIds: string[]): GalleryError {
    return new GalleryError(
      GalleryErrorCode.SelectionInvalid,
      ErrorKind.Invalid,
      'Some of the chosen photos are not proofs of this booking.',
      unknownIds.map((id) => ({ path: 'imageIds', message: `Not a proof of this booking: ${id}` })),
    );
  }

  static extraPaymentRequired(details: Record<string, unknown>, price: string): GalleryError {
    return new GalleryError(
      GalleryErrorCode.ExtraImagesPaymentRequired,
      ErrorKind.PaymentRequired,
      `Your package includes ${String(details.includedImages)} photos. The ${String(details.extraCount)} extra cost ${price}; agree to pay for them or choose fewer.`,
      details,
    );
  }

  static extrasAlreadyPaid(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.SelectionLocked,
      ErrorKind.Conflict,
      'Extra photos were already paid for online; to add more, ask the photographer.',
    );
  }

  static extraPaymentPending(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.ExtraPaymentPending,
      ErrorKind.Conflict,
      'The client has not paid for the extra photos yet.',
    );
  }

  static notSelected(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.NotSelected,
      ErrorKind.Conflict,
      'Finals are uploaded for the proofs the client selected; this one is not selected.',
    );
  }

  static finalsMissing(missing: string[]): GalleryError {
    return new GalleryError(
      GalleryErrorCode.FinalsMissing,
      ErrorKind.Conflict,
      missing.length === 0
        ? 'The client has not chosen favourites yet.'
        : `${missing.length} selected photo(s) have no final yet.`,
      { missingProofIds: missing },
    );
  }

  static notDelivered(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.NotDelivered,
      ErrorKind.Conflict,
      'The finals are not delivered yet.',
    );
  }

  static linkExpired(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.DownloadLinkExpired,
      ErrorKind.Gone,
      'This download link has expired. Open the download page again for a fresh link.',
    );
  }

  static linkInvalid(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.DownloadLinkInvalid,
      ErrorKind.NotFound,
      'This download link is not valid.',
    );
  }

  static reviewExists(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.ReviewExists,
      ErrorKind.Conflict,
      'You have already reviewed this session.',
    );
  }

  static reviewTooEarly(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.ReviewNotAllowedYet,
      ErrorKind.Conflict,
      'You can review the session once your photos are delivered.',
    );
  }

  static replyExists(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.ReplyExists,
      ErrorKind.Conflict,
      'You have already replied to this review.',
    );
  }

  static reviewNotFound(): GalleryError {
    return new GalleryError(
      GalleryErrorCode.ReviewNotFound,
      ErrorKind.NotFound,
      'This session has no review yet.',
    );
  }
}
