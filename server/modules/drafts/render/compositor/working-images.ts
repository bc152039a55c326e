import sharp from 'sharp';
import '../../../../common/sharp-settings';
import { clamp } from './compositor-geometry';
import { computeMatte, type Region } from './matting';
import { laplacianVariance, luminance, percentile, toBytes } from './pixel-math';

/**
 * The draft's working copies and what is measured on them before any styling: the JPEG working
 * copy and the models' small RGB copy, the face's light, and the subject's matte.
 */

export interface RawRgb {
  data: Uint8Array;
  width: number;
  height: number;
}

// ------------------------------------------------------------------ working copies -----------

/** A JPEG working copy (≤ maxDimension) and a small raw RGB copy for the models. */
export async function prepareWorkingImages(
  source: Buffer,
  workingMax: number,
  analysisMax: number,
): Promise<{
  working: Buffer;
  workingSize: { width: number; height: number };
  sourceSize: { width: number; height: number };
  analysis: RawRgb;
}> {
  const meta = await sharp(source).metadata();
  // The upload was already normalised to a JPEG of at most `workingMax`: use it as it is.
  const reuse = meta.format === 'jpeg' && Math.max(meta.width, meta.height) <= workingMax;
  const { data: working, info } = reuse
    ? { data: source, info: { width: meta.width, height: meta.height } }
    : await sharp(source)
        .resize(workingMax, workingMax, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 92 })
        .toBuffer({ resolveWithObject: true });
  const analysis = await sharp(working)
    .resize(analysisMax, analysisMax, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    working,
    workingSize: { width: info.width, height: info.height },
    sourceSize: { width: meta.width, height: meta.height },
    analysis: {
      data: new Uint8Array(analysis.data),
      width: analysis.info.width,
      height: analysis.info.height,
    },
  };
}

/** Decoded pixels of part of an image, and where that part starts in it. */
export interface RegionRgb extends RawRgb {
  left: number;
  top: number;
}

/**
 * The pixels of `box` in `image` (clamped to the image, at least 2 × 2) as raw RGB, with where
 * they start in the image.
 */
export async function regionRgb(
  image: Buffer,
  box: { x: number; y: number; width: number; height: number },
): Promise<RegionRgb> {
  const meta = await sharp(image).metadata();
  const left = clamp(Math.floor(box.x), 0, meta.width - 2);
  const top = clamp(Math.floor(box.y), 0, meta.height - 2);
  const width = clamp(Math.ceil(box.x + box.width) - left, 2, meta.width - left);
  const height = clamp(Math.ceil(box.y + box.height) - top, 2, meta.height - top);
  const { data, info } = await sharp(image)
    .extract({ left, top, width, height })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, left, top };
}

// ------------------------------------------------------------------ measurements --------------

export interface FaceLight {
  /** Focus measure on the face, normalised to a 256 px wide face. */
  sharpness: number;
  brightLuminance: number;
  highlightClipping: number;
  shadowClipping: number;
}

/**
 * Sharpness, exposure and clipping on the inner face (the box shrunk to skip hair/background),
 * read from `region`, decoded pixels of the image around the face (`regionRgb`).
 */
export async function measureFace(
  region: RegionRgb,
  box: { x: number; y: number; width: number; height: number },
): Promise<FaceLight> {
  const inset = {
    x: box.x + box.width * 0.2 - region.left,
    y: box.y + box.height * 0.15 - region.top,
  };
  const left = clamp(Math.round(inset.x), 0, region.width - 2);
  const top = clamp(Math.round(inset.y), 0, region.height - 2);
  const width = clamp(Math.round(box.width * 0.6), 2, region.width - left);
  const height = clamp(Math.round(box.height * 0.7), 2, region.height - top);
  const raw = { width: region.width, height: region.height, channels: 3 as const };
  const { data, info } = await sharp(region.data, { raw })
    .extract({ left, top, width, height })
    .resize(256, undefined, { kernel: 'cubic', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const lum = luminance(new Uint8Array(data));
  // Focus is judged on contrast-normalised luminance, so a dark photo is not also called soft.
  const p5 = percentile(lum, 0.05);
  const p95 = percentile(lum, 0.95);
  const stretch = 255 / Math.max(16, p95 - p5);
  const normalised = lum.map((l) => (l - p5) * stretch);
  let high = 0;
  let low = 0;
  for (const l of lum) {
    if (l >= 250) high += 1;
    if (l <= 6) low += 1;
  }
  return {
    sharpness: laplacianVariance(normalised, info.width, info.height),
    brightLuminance: p95,
    highlightClipping: high / lum.length,
    shadowClipping: low / lum.length,
  };
}

// ------------------------------------------------------------------ mask ---------------------

export interface SubjectMatte {
  /** Alpha at the working copy's size: a one-channel PNG. */
  matte: Buffer;
  /** The local person and background colours along the edge, and where to use them: a PNG. */
  edgeColours: Buffer;
  /** The refined coarse mask at the model's size (0–255), to find the top of the head. */
  coarse: { data: Uint8Array; width: number; height: number };
}

/**
 * The subject's alpha matte at the working copy's size, with hair detail, from the
 * segmentation model's coarse mask at the size of `small` (see matting.ts), plus what renders
 * need to show its edge without the old background's colour.
 */
export async function matteSubject(
  working: Buffer,
  small: RawRgb,
  coarse: Uint8Array,
  hair?: Region,
): Promise<SubjectMatte> {
  const { data, info } = await sharp(working)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
  const matte = computeMatte(image, small, coarse, hair);
  const { foreground, background, weight, width, height } = matte.edgeColours;
  // One PNG, three bands: person colours, background colours, where to use them (grey).
  const stacked = new Uint8Array(foreground.length * 3);
  stacked.set(foreground);
  stacked.set(background, foreground.length);
  for (let i = 0, o = 2 * foreground.length; i < weight.length; i++, o += 3) {
    stacked[o] = stacked[o + 1] = stacked[o + 2] = weight[i]!;
  }
  const [alphaPng, edgeColours] = await Promise.all([
    sharp(Buffer.from(matte.alpha.buffer), {
      raw: { width: matte.width, height: matte.height, channels: 1 },
    })
      // One grey channel (sharp would otherwise write the single band out as RGB).
      .toColourspace('b-w')
      .png({ compressionLevel: 2 })
      .toBuffer(),
    sharp(Buffer.from(stacked.buffer), { raw: { width, height: height * 3, channels: 3 } })
      .png({ compressionLevel: 3 })
      .toBuffer(),
  ]);
  return {
    matte: alphaPng,
    edgeColours,
    coarse: {
      data: toBytes(matte.prior),
      width: small.width,
      height: small.height,
    },
  };
}

/** Topmost row of the person above `belowY` in the columns [x0, x1] of a mask, or null. */
export function personTop(
  mask: { data: Uint8Array; width: number; height: number },
  x0: number,
  x1: number,
  belowY: number,
): number | null {
  const { data, width, height } = mask;
  const from = clamp(Math.round(x0), 0, width - 1);
  const to = clamp(Math.round(x1), 0, width - 1);
  for (let y = 0; y < Math.min(height, belowY); y++) {
    let solid = 0;
    for (let x = from; x <= to; x++) if (data[y * width + x]! > 128) solid += 1;
    if (solid >= Math.max(2, (to - from + 1) * 0.1)) return y;
  }
  return null;
}
