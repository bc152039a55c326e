import { MediaErrorCode } from '../../../shared/media/media.types';
import { DomainError, type ErrorDetail, ErrorKind } from '../../common/errors/domain-error';

/** A MediaError as plain data, to cross from a worker process. */
export interface WorkerMediaError {
  code: string;
  kind: ErrorKind;
  message: string;
  details?: ErrorDetail[] | Record<string, unknown>;
}

export class MediaError extends DomainError {
  static unsupportedType(detected: string): MediaError {
    return new MediaError(
      MediaErrorCode.UnsupportedImageType,
      ErrorKind.UnsupportedMedia,
      `This file is ${detected}. Upload a JPEG, PNG or WebP photo.`,
      { allowed: ['image/jpeg', 'image/png', 'image/webp'], detected },
    );
  }

  static corrupt(): MediaError {
    return new MediaError(
      MediaErrorCode.ImageCorrupt,
      ErrorKind.Unprocessable,
      'This image is damaged or incomplete and cannot be read. Export it again and retry.',
    );
  }

  static tooLarge(maxBytes: number): MediaError {
    return new MediaError(
      MediaErrorCode.ImageTooLarge,
      ErrorKind.TooLarge,
      `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
      { maxBytes },
    );
  }

  static tooManyPixels(megapixels: number, maxMegapixels: number): MediaError {
    return new MediaError(
      MediaErrorCode.ImageTooManyPixels,
      ErrorKind.Unprocessable,
      `The image has ${megapixels.toFixed(1)} megapixels; the limit is ${maxMegapixels}.`,
      { megapixels: Math.round(megapixels * 10) / 10, maxMegapixels },
    );
  }

  static fileMissing(field: string): MediaError {
    return new MediaError(
      MediaErrorCode.FileMissing,
      ErrorKind.Invalid,
      `Attach the photo as the multipart field "${field}".`,
      [{ path: field, message: 'Attach a photo' }],
    );
  }

  /** No worker process made an upload's renditions (all busy, none running, or each failed). */
  static processingUnavailable(): MediaError {
    return new MediaError(
      MediaErrorCode.ImageProcessingUnavailable,
      ErrorKind.Unavailable,
      'We could not process this photo right now. Upload it again in a moment.',
    ).retryAfter(30);
  }

  /** A MediaError a worker process answered with, as the client should see it. */
  static fromWorker(error: WorkerMediaError): MediaError {
    return new MediaError(error.code, error.kind, error.message, error.details);
  }
}
