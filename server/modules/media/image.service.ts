import { Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { inImageSlot } from '../../common/sharp-settings';
import type { AcceptedImageFormat } from '../../../shared/media/media.types';
import { describeRefusedType, sniffImage } from './image-sniffing';
import { MediaError } from './media.errors';

/**
 * An image to read: bytes in memory, or an uploaded file on disk (libvips then reads the file
 * itself, and the upload never becomes one large buffer in the JavaScript heap).
 */
export type ImageSource = Buffer | { path: string; size: number };

/** How many bytes the image has (0: an empty upload). */
export function sourceSize(source: ImageSource): number {
  return Buffer.isBuffer(source) ? source.length : source.size;
}

/** What sharp reads: the bytes, or the file's path. */
export function sharpInput(source: ImageSource): Buffer | string {
  return Buffer.isBuffer(source) ? source : source.path;
}

export interface ImageInfo {
  format: AcceptedImageFormat;
  width: number;
  height: number;
}

export interface NormalisedImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface NormaliseOptions {
  maxPixels: number;
  /** Longest side of the output; smaller images are never enlarged. */
  maxDimension?: number;
  quality?: number;
  /**
   * Plain libjpeg instead of mozjpeg, for a copy that only our own pipeline reads and that is
   * deleted soon (a draft's upload): mozjpeg's smaller file costs about five times the time.
   */
  fastEncode?: boolean;
}

export interface ThumbnailOptions {
  width: number;
  height?: number;
  fit: 'cover' | 'inside';
  quality?: number;
}

/**
 * The one place that touches sharp for uploads: type sniffing, size limits checked from the
 * header before any pixel is decoded (decompression bombs), auto-orientation and metadata
 * stripping, thumbnails.
 */
@Injectable()
export class ImageGateway {
  /** Reads only the header: the real type and dimensions, or a MediaError. */
  async inspect(input: ImageSource, maxPixels: number): Promise<ImageInfo> {
    const sniffed = await sniffImage(sharpInput(input));
    if (!sniffed.accepted) throw MediaError.unsupportedType(describeRefusedType(sniffed.detected));
    let metadata: sharp.Metadata;
    try {
      metadata = await sharp(sharpInput(input), { limitInputPixels: false }).metadata();
    } catch {
      throw MediaError.corrupt();
    }
    const { width, height } = orientedSize(metadata);
    if (!width || !height) throw MediaError.corrupt();
    if (width * height > maxPixels) {
      throw MediaError.tooManyPixels((width * height) / 1e6, Math.round(maxPixels / 1e6));
    }
    return { format: sniffed.format, width, height };
  }

  /**
   * Decodes fully (failing on truncated data), applies the EXIF orientation, and re-encodes as
   * JPEG with no metadata at all: GPS, camera serials and the like never reach storage.
   */
  async normalise(input: ImageSource, options: NormaliseOptions): Promise<NormalisedImage> {
    await this.inspect(input, options.maxPixels);
    return inImageSlot(() => this.reencode(input, options));
  }

  private async reencode(input: ImageSource, options: NormaliseOptions): Promise<NormalisedImage> {
    try {
      let pipeline = sharp(sharpInput(input), {
        limitInputPixels: options.maxPixels,
        failOn: 'truncated',
      })
        .rotate()
        .flatten({ background: '#ffffff' });
      if (options.maxDimension) {
        pipeline = pipeline.resize(options.maxDimension, options.maxDimension, {
          fit: 'inside',
          withoutEnlargement: true,
        });
      }
      const { data, info } = await pipeline
        .jpeg({ quality: options.quality ?? 90, mozjpeg: !options.fastEncode })
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    } catch {
      throw MediaError.corrupt();
    }
  }

  /** A JPEG thumbnail of an already normalised image. */
  async thumbnail(input: Buffer, options: ThumbnailOptions): Promise<Buffer> {
    return inImageSlot(() =>
      sharp(input)
        .resize(options.width, options.height, {
          fit: options.fit,
          withoutEnlargement: options.fit === 'inside',
        })
        .jpeg({ quality: options.quality ?? 82, mozjpeg: true })
        .toBuffer(),
    );
  }
}

/** Width and height as a person sees the photo (EXIF orientations 5–8 swap them). */
function orientedSize(metadata: sharp.Metadata): { width?: number; height?: number } {
  const swapped = (metadata.orientation ?? 1) >= 5;
  return swapped
    ? { width: metadata.height, height: metadata.width }
    : { width: metadata.width, height: metadata.height };
}
