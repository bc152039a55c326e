import { createHash } from 'node:crypto';
import sharp from 'sharp';
import '../../../../common/sharp-settings';

interface Decoded {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 3 };
}

/** A Buffer over the same memory (Buffer.from(typedArray) would copy a whole image). */
export function bytesOf(pixels: Uint8Array): Buffer {
  return Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
}

export function digest(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export async function imageSize(input: Buffer): Promise<{ width: number; height: number }> {
  const { width, height } = await sharp(input).metadata();
  return { width, height };
}

/**
 * The last few stored images decoded to raw pixels, kept in this render worker: the three
 * styles of a new draft and a client’s successive adjustments render from the same working
 * copy and matte, and decoding a 2560 px JPEG and PNG was a third of each render. Keyed by a
 * digest of the bytes, so a different draft never gets another's pixels.
 */
const decodedCache = new Map<string, Decoded>();
const DECODED_CACHE_ENTRIES = 4;

/**
 * `input` decoded to raw pixels, at full size or (`half`) at half its size, which previews use:
 * a JPEG is then decoded at half size directly (libjpeg's DCT scaling), a quarter of the pixels
 * for every step after it.
 */
export async function decodedOnce(input: Buffer, channels: 1 | 3, half = false): Promise<Decoded> {
  const key = `${channels}:${half ? 'half' : 'full'}:${digest(input)}`;
  const hit = decodedCache.get(key);
  if (hit) {
    decodedCache.delete(key);
    decodedCache.set(key, hit);
    return hit;
  }
  let image = sharp(input);
  if (half) {
    const { width = 2 } = await image.metadata();
    image = image.resize(Math.max(1, Math.round(width / 2)), undefined, { kernel: 'mitchell' });
  }
  const { data, info } = await (
    channels === 1 ? image.extractChannel(0) : image.removeAlpha().toColourspace('srgb')
  )
    .raw()
    .toBuffer({ resolveWithObject: true });
  const decoded: Decoded = { data, info: { width: info.width, height: info.height, channels } };
  decodedCache.set(key, decoded);
  while (decodedCache.size > DECODED_CACHE_ENTRIES) {
    decodedCache.delete(decodedCache.keys().next().value!);
  }
  return decoded;
}

/**
 * A stored image as the start of a pipeline, `info` its decoded size. `keep` (previews), or a
 * half-size start: decoded once and kept (see decodedOnce). Otherwise read straight from its
 * bytes, so libvips decodes only the rows a crop needs and no full-size copy is held: HD images
 * are made once per variant, and a kept full-size decode of the working copy and matte is 26 MB
 * of the render worker's memory.
 */
export async function pixelSource(
  input: Buffer,
  channels: 1 | 3,
  options: { half: boolean; keep: boolean; size: { width: number; height: number } },
): Promise<{ image: sharp.Sharp; info: Decoded['info'] }> {
  if (options.keep || options.half) {
    const decoded = await decodedOnce(input, channels, options.half);
    return { image: sharp(decoded.data, { raw: decoded.info }), info: decoded.info };
  }
  const image = sharp(input);
  return {
    image: channels === 1 ? image.extractChannel(0) : image.removeAlpha().toColourspace('srgb'),
    info: { ...options.size, channels },
  };
}
