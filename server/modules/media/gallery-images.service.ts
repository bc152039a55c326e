import { Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { inImageSlot } from '../../common/sharp-settings';
import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { type FinalFacts, ProvenanceService } from '../provenance/provenance.service';
import { ImageGateway, type ImageSource, sharpInput } from './image.service';
import { MediaError } from './media.errors';

export interface GalleryRenditions {
  /** Full resolution, auto-oriented, re-encoded JPEG (metadata as documented per method). */
  data: Buffer;
  /** CRC-32 of `data`, for archives. */
  crc32: number;
  /** Screen-sized JPEG for the lightbox. */
  preview: Buffer;
  /** Grid-sized JPEG. */
  thumb: Buffer;
  width: number;
  height: number;
}

const PREVIEW_MAX = 1600;
const THUMB_MAX = 480;

/**
 * sharp for galleries: proofs (private original without metadata, watermarked previews) and
 * finals (full resolution with provenance XMP). Every input is sniffed and size-checked from
 * its header first (ImageGateway.inspect); a bad file throws a MediaError naming the reason.
 */
@Injectable()
export class GalleryImageGateway {
  constructor(
    private readonly images: ImageGateway,
    private readonly provenance: ProvenanceService,
  ) {}

  /**
   * A proof: the original is kept private, re-encoded with no metadata at all (GPS, camera
   * serials and the like never reach storage); the preview and thumbnail carry a visible mark.
   */
  async proof(
    input: ImageSource,
    options: { maxPixels: number; watermark: string },
  ): Promise<GalleryRenditions> {
    const { width, height } = await this.images.inspect(input, options.maxPixels);
    return this.decodeSafely(async () => {
      const data = await this.fullSize(input, options.maxPixels).jpeg({ quality: 90 }).toBuffer();
      const { data: raw, info } = await this.screenSize(input, options.maxPixels)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const preview = await sharp(raw, {
        raw: { width: info.width, height: info.height, channels: info.channels },
      })
        .composite([
          { input: Buffer.from(watermarkSvg(info.width, info.height, options.watermark)) },
        ])
        .jpeg({ quality: 80 })
        .toBuffer();
      return { data, crc32: crc32(data), preview, thumb: await thumbOf(preview), width, height };
    });
  }

  /**
   * A final: full resolution, auto-oriented, high-quality JPEG whose only metadata is the
   * given XMP packet (provenance), the photographer's colour profile and signed Content
   * Credentials (C2PA) naming the photographer, the copyright and the licence. The upload is
   * the credentials' parent ingredient, so a camera's own credentials are kept inside ours.
   */
  async final(
    input: ImageSource,
    options: { maxPixels: number; xmp: string; credentials: FinalFacts },
  ): Promise<GalleryRenditions> {
    const { width, height, format } = await this.images.inspect(input, options.maxPixels);
    return this.decodeSafely(async () => {
      const encoded = await this.fullSize(input, options.maxPixels)
        .keepIccProfile()
        .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
        .withXmp(options.xmp)
        .toBuffer();
      const upload = Buffer.isBuffer(input) ? input : await readFile(input.path);
      const data = await this.provenance.signFinal(encoded, options.credentials, {
        bytes: upload,
        format: `image/${format}`,
      });
      const preview = await this.screenSize(input, options.maxPixels)
        .jpeg({ quality: 84 })
        .toBuffer();
      return { data, crc32: crc32(data), preview, thumb: await thumbOf(preview), width, height };
    });
  }

  /** The XMP packet of a stored JPEG (for checks and tests). */
  async xmpOf(input: Buffer): Promise<string | null> {
    return (await sharp(input).metadata()).xmp?.toString('utf8') ?? null;
  }

  private fullSize(input: ImageSource, maxPixels: number): sharp.Sharp {
    return sharp(sharpInput(input), { limitInputPixels: maxPixels, failOn: 'truncated' })
      .rotate()
      .flatten({ background: '#ffffff' });
  }

  /** JPEG shrink-on-load makes this much cheaper than resizing the full decode. */
  private screenSize(input: ImageSource, maxPixels: number): sharp.Sharp {
    return this.fullSize(input, maxPixels).resize(PREVIEW_MAX, PREVIEW_MAX, {
      fit: 'inside',
      withoutEnlargement: true,
    });
  }

  /** Runs a pipeline in an image slot; a decoding failure is a MediaError for the client. */
  private async decodeSafely<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await inImageSlot(work);
    } catch (error) {
      if (error instanceof MediaError) throw error;
      throw MediaError.corrupt();
    }
  }
}

function thumbOf(preview: Buffer): Promise<Buffer> {
  return sharp(preview)
    .resize(THUMB_MAX, THUMB_MAX, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 78 })
    .toBuffer();
}

/** A diagonal, repeated "PROOF · Studio" mark across the whole picture. */
export function watermarkSvg(width: number, height: number, text: string): string {
  const size = Math.max(14, Math.round(Math.min(width, height) / 14));
  const label = escapeXml(`PROOF · ${text}`);
  const tileW = Math.round(size * (label.length * 0.62 + 4));
  const tileH = Math.round(size * 3.4);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><pattern id="m" width="${tileW}" height="${tileH}" patternUnits="userSpaceOnUse" patternTransform="rotate(-30)">` +
    `<text x="0" y="${size * 2}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-weight="bold" font-size="${size}" fill="#ffffff" fill-opacity="0.38" stroke="#000000" stroke-opacity="0.22" stroke-width="${Math.max(1, size / 18)}">${label}</text>` +
    `</pattern></defs><rect width="100%" height="100%" fill="url(#m)"/></svg>`
  );
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
