import { MediaErrorCode } from '../../../shared/media/media.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

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
}
