import sharp from 'sharp';
import '../../../../common/sharp-settings';
import { clamp, type Pt } from './compositor-geometry';
import type { RenderLook, RetouchRegion } from './compositor-types';
import { blend, laplacianVariance, luminance } from './pixel-math';
import { bytesOf } from './decoded-images';

/** The strongest skin smoothing we allow: the mix never exceeds this, so texture survives. */
export const MAX_RETOUCH_MIX = 0.55;

/**
 * Gentle skin smoothing, in place: a blurred copy mixed in only on the skin of the face (face
 * oval minus eyes, brows and lips, feathered), at most MAX_RETOUCH_MIX. Returns the share of
 * fine texture that survived, measured on the skin.
 */
export async function retouchSkin(
  image: Uint8Array,
  width: number,
  height: number,
  region: RetouchRegion,
  toOut: (p: Pt) => Pt,
  strength: number,
): Promise<number> {
  const outline = region.outline.map(toOut);
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const faceWidth = Math.max(...xs) - Math.min(...xs);
  if (outline.length < 3 || faceWidth < 8) return 1;
  const sigma = clamp(faceWidth / 110, 0.6, 12);
  // Skin lies inside the face oval: work on its box (plus the blur's reach) only, not the frame.
  const pad = Math.ceil(sigma * 3 + faceWidth * 0.05);
  const x0 = clamp(Math.floor(Math.min(...xs)) - pad, 0, width - 1);
  const y0 = clamp(Math.floor(Math.min(...ys)) - pad, 0, height - 1);
  const bw = clamp(Math.ceil(Math.max(...xs)) + pad, x0 + 1, width) - x0;
  const bh = clamp(Math.ceil(Math.max(...ys)) + pad, y0 + 1, height) - y0;
  const box = new Uint8Array(bw * bh * 3);
  for (let y = 0; y < bh; y++) {
    const from = ((y0 + y) * width + x0) * 3;
    box.set(image.subarray(from, from + bw * 3), y * bw * 3);
  }

  const path = (points: Pt[], fill: string) =>
    `<polygon points="${points.map((p) => `${((p.x - x0) * q).toFixed(1)},${((p.y - y0) * q).toFixed(1)}`).join(' ')}" fill="${fill}"/>`;
  // Rasterised at a quarter of the size and scaled up: it is feathered anyway.
  const q = 0.25;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(1, Math.ceil(bw * q))}" height="${Math.max(1, Math.ceil(bh * q))}"><rect width="100%" height="100%" fill="black"/>${path(outline, 'white')}${region.keepSharp.map((poly) => path(poly.map(toOut), 'black')).join('')}</svg>`;
  const feather = Math.max(0.6, (faceWidth * q) / 40);
  const { data: maskData } = await sharp(Buffer.from(svg))
    .blur(feather)
    .resize(bw, bh, { fit: 'fill', kernel: 'cubic' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const skin = new Float32Array(bw * bh);
  const channels = maskData.length / (bw * bh);
  for (let i = 0; i < skin.length; i++) skin[i] = maskData[i * channels]! / 255;

  const before = laplacianVariance(luminance(box), bw, bh, skin);
  if (strength <= 0) return 1;

  const { data: blurred } = await sharp(bytesOf(box), {
    raw: { width: bw, height: bh, channels: 3 },
  })
    .blur(sigma)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const smoothed = blend(box, viewOf(blurred), skin, 3, clamp(strength, 0, 1) * MAX_RETOUCH_MIX);
  const after = laplacianVariance(luminance(smoothed), bw, bh, skin);
  for (let y = 0; y < bh; y++) {
    image.set(smoothed.subarray(y * bw * 3, (y + 1) * bw * 3), ((y0 + y) * width + x0) * 3);
  }
  return before > 0 ? Math.min(1, after / before) : 1;
}

/**
 * The "ambience", in place: warmth, brightness and contrast as one linear map per channel, or
 * black and white (the luminance of linear light, as libvips' b-w, then one curve for the grey).
 */
export function grade(image: Uint8Array, look: RenderLook): Uint8Array {
  const gain = 1 + 0.25 * look.brightness;
  const contrast = 1 + 0.45 * look.contrast;
  const warm = 0.07 * look.warmth;
  const offset = 128 * (1 - contrast);
  const curve = (slope: number) => {
    const lut = new Uint8Array(256);
    for (let v = 0; v < 256; v++) lut[v] = clamp(Math.round(v * slope + offset), 0, 255);
    return lut;
  };
  if (look.monochrome) {
    const grey = curve(gain * contrast);
    for (let i = 0; i + 2 < image.length; i += 3) {
      const y =
        0.2126 * SRGB_TO_LINEAR[image[i]!]! +
        0.7152 * SRGB_TO_LINEAR[image[i + 1]!]! +
        0.0722 * SRGB_TO_LINEAR[image[i + 2]!]!;
      const v = grey[LINEAR_TO_SRGB[Math.round(y * LINEAR_STEPS)]!]!;
      image[i] = v;
      image[i + 1] = v;
      image[i + 2] = v;
    }
    return image;
  }
  const luts = [
    curve(gain * contrast * (1 + warm)),
    curve(gain * contrast),
    curve(gain * contrast * (1 - warm)),
  ];
  for (let i = 0; i + 2 < image.length; i += 3) {
    image[i] = luts[0]![image[i]!]!;
    image[i + 1] = luts[1]![image[i + 1]!]!;
    image[i + 2] = luts[2]![image[i + 2]!]!;
  }
  return image;
}

/** sRGB's transfer curve both ways, as tables: 8-bit code → linear 0–1, linear steps → code. */
const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
const LINEAR_STEPS = 4095;
const LINEAR_TO_SRGB = Uint8Array.from({ length: LINEAR_STEPS + 1 }, (_, i) => {
  const c = i / LINEAR_STEPS;
  return Math.round(255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055));
});

export async function makeBackdrop(
  photo: Uint8Array,
  width: number,
  height: number,
  look: RenderLook,
): Promise<Uint8Array> {
  const colour = look.monochrome ? toGrey(look.backdropColor) : look.backdropColor;
  if (look.backdrop === 'solid') {
    const [r, g, b] = hexToRgb(colour);
    const out = new Uint8Array(width * height * 3);
    for (let i = 0; i < out.length; i += 3) {
      out[i] = r;
      out[i + 1] = g;
      out[i + 2] = b;
    }
    return out;
  }
  if (look.backdrop === 'gradient') {
    const sw = Math.max(8, Math.round(width / 4));
    const sh = Math.max(8, Math.round(height / 4));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sw}" height="${sh}"><defs><radialGradient id="g" cx="50%" cy="36%" r="75%"><stop offset="0" stop-color="${shade(colour, 0.18)}"/><stop offset="0.55" stop-color="${colour}"/><stop offset="1" stop-color="${shade(colour, -0.3)}"/></radialGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
    const { data } = await sharp(Buffer.from(svg))
      .resize(width, height, { fit: 'fill', kernel: 'cubic' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return viewOf(data);
  }
  // The person's own surroundings, heavily defocused (like a wide aperture), then graded.
  const small = Math.max(8, Math.round(width / 12));
  const { data } = await sharp(bytesOf(photo), { raw: { width, height, channels: 3 } })
    .resize(small, undefined, { kernel: 'cubic' })
    .blur(2.2)
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return grade(viewOf(data), { ...look, brightness: look.brightness - 0.15 });
}

/** The visible "AI draft" mark on previews: a pill in the lower right corner. */
export function aiDraftMark(width: number, height: number): sharp.OverlayOptions {
  // Legible but modest on tiny previews too (a 125 px wide crop: a third of the width, not half).
  const size = Math.max(9, Math.round(Math.min(width, height) * 0.045));
  const w = Math.round(size * 5.8);
  const h = Math.round(size * 1.8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" rx="${h / 2}" fill="rgba(20,20,24,0.62)"/><text x="${w / 2}" y="${h / 2}" dominant-baseline="central" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-weight="bold" font-size="${size}" fill="#ffffff">AI draft</text></svg>`;
  return {
    input: Buffer.from(svg),
    left: Math.max(0, width - w - Math.round(size * 0.8)),
    top: Math.max(0, height - h - Math.round(size * 0.8)),
  };
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: number[]): string {
  return `#${[r, g, b].map((v) => clamp(Math.round(v!), 0, 255).toString(16).padStart(2, '0')).join('')}`;
}

/** Lighter (amount > 0) or darker (amount < 0) version of a colour. */
function shade(hex: string, amount: number): string {
  const rgb = hexToRgb(hex);
  return rgbToHex(rgb.map((v) => (amount >= 0 ? v + (255 - v) * amount : v * (1 + amount))));
}

function toGrey(hex: string): string {
  const [r, g, b] = hexToRgb(hex);
  const l = 0.299 * r + 0.587 * g + 0.114 * b;
  return rgbToHex([l, l, l]);
}

/** sharp's output as plain bytes, without a copy (each output buffer is its own allocation). */
function viewOf(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
