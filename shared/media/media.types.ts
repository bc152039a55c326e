/** Photo formats Lensbridge accepts, detected from the file's bytes (never its name). */
export const ACCEPTED_IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type AcceptedImageFormat = (typeof ACCEPTED_IMAGE_FORMATS)[number];
export const ACCEPTED_IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const MediaErrorCode = {
  UnsupportedImageType: 'UNSUPPORTED_IMAGE_TYPE',
  ImageCorrupt: 'IMAGE_CORRUPT',
  ImageTooLarge: 'IMAGE_TOO_LARGE',
  ImageTooManyPixels: 'IMAGE_TOO_MANY_PIXELS',
  FileMissing: 'FILE_MISSING',
  ImageProcessingUnavailable: 'IMAGE_PROCESSING_UNAVAILABLE',
} as const;
