import { fileTypeFromBuffer } from 'file-type';
import {
  VERIFIABLE_FORMATS,
  type VerifiableFormat,
} from '../../../shared/provenance/provenance.types';

/**
 * The image format from the file's first bytes, read by file-type as every upload is (never
 * from its name or the browser's word); an animated PNG is a PNG to the reader.
 */
export async function sniffImageFormat(bytes: Uint8Array): Promise<VerifiableFormat | undefined> {
  const mime = (await fileTypeFromBuffer(bytes))?.mime;
  const format = mime === 'image/apng' ? 'image/png' : mime;
  return VERIFIABLE_FORMATS.find((f) => f === format);
}
