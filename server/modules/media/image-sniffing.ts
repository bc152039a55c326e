import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { AcceptedImageFormat } from '../../../shared/media/media.types';

/**
 * What the bytes say a file is, read by file-type from its magic numbers (it reads only the
 * first bytes, from memory or from the file). Extensions and client MIME types are not trusted.
 */
export type SniffedImage =
  | { accepted: true; format: AcceptedImageFormat }
  /** `detected` is file-type's extension (`heic`, `avif`, `gif`, `pdf`…), or none it knows. */
  | { accepted: false; detected: string | undefined };

/** file-type's extensions of the formats we accept (an animated PNG is read as its first frame). */
const ACCEPTED: Readonly<Record<string, AcceptedImageFormat>> = {
  jpg: 'jpeg',
  png: 'png',
  apng: 'png',
  webp: 'webp',
};

/** `source`: the bytes, or the path of an uploaded file. */
export async function sniffImage(source: Buffer | string): Promise<SniffedImage> {
  const type = Buffer.isBuffer(source)
    ? await fileTypeFromBuffer(source)
    : await fileTypeFromFile(source);
  const format = type && ACCEPTED[type.ext];
  return format ? { accepted: true, format } : { accepted: false, detected: type?.ext };
}

/** The refused file, in words for the error message. */
export function describeRefusedType(detected: string | undefined): string {
  switch (detected) {
    case undefined:
      return 'not an image we can read';
    case 'heic':
      return 'a HEIC photo (not supported here: set your phone to "Most Compatible" or export as JPEG)';
    default:
      return `a ${detected.toUpperCase()} file`;
  }
}
