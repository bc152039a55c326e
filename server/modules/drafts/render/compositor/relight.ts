import { boxMean } from './pixel-math';

/**
 * Studio light on a cut-out subject, by tone and colour only (every pixel keeps its place: no
 * warps, so the face's geometry and identity never change):
 * - a soft key and fill: a smooth light field from surface normals, estimated from a height
 *   proxy (the matte, blurred, as a body; an ellipsoid over the face);
 * - a gentle rim light just inside the matte's edge, in a light tint of the backdrop;
 * - the subject's shadows and mid-tones nudged toward the backdrop's colour, so skin and
 *   clothes sit in the new light instead of the old room's.
 * `strength` 0 returns the image unchanged; 1 is the most we allow (still subtle).
 */

export interface RelightInput {
  /** Interleaved RGB of the subject (the crop), width × height. */
  image: Uint8Array;
  /** The subject's matte, 0–1. */
  alpha: Float32Array;
  width: number;
  height: number;
  /** The face as an ellipse in output pixels (from the face outline), if known. */
  face: { cx: number; cy: number; rx: number; ry: number } | null;
  /** Mean colour of the new backdrop behind the subject. */
  backdrop: [number, number, number];
  strength: number;
  /** Light `image` itself instead of a copy (each pixel is read before it is written). */
  inPlace?: boolean;
}

/** Direction towards the key light: above and to the image left, in front (x right, y down, z out). */
const KEY = normalise([-0.55, -0.5, 0.67]);
/** Share of the light that is soft fill (reaches every surface) rather than key. */
const FILL = 0.62;
/** The most the key/fill field may brighten or darken a pixel at full strength. */
const MAX_GAIN = 0.22;
/** Rim light: the most it lifts a pixel toward its tint, at full strength. */
const MAX_RIM = 0.28;
/** Colour harmony: the share of the backdrop's tint taken into the subject's shadows. */
const MAX_HARMONY = 0.14;

export function relight(input: RelightInput): Uint8Array {
  const { image, alpha, width, height, strength } = input;
  // Variants stored before the control existed have no strength: no relight.
  const k = Number.isFinite(strength) ? Math.max(0, Math.min(1, strength)) : 0;
  if (k === 0) return image;
  const size = Math.min(width, height);

  // The light field is smooth: it is worked out on a small copy (≈ 200 px) and interpolated.
  const f = Math.max(1, Math.floor(size / 200));
  const small = shrink(alpha, width, height, f);
  const face = input.face && {
    cx: input.face.cx / f,
    cy: input.face.cy / f,
    rx: input.face.rx / f,
    ry: input.face.ry / f,
  };
  const field = lightField(
    subjectHeight(small.data, small.width, small.height, face),
    small.data,
    small.width,
    small.height,
  );
  // The rim is a soft glow too: found on the small copy, kept inside the matte by `a` below.
  const rim = rimMask(
    small.data,
    small.width,
    small.height,
    Math.max(1, Math.round((size * 0.012) / f)),
  );
  const tint = harmonyTint(image, alpha, input.backdrop);
  const rimColour = input.backdrop.map((c) => c + (255 - c) * 0.75);
  const out = input.inPlace ? image : new Uint8Array(image);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(small.height - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(small.height - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const a = alpha[i]!;
      if (a <= 0.002) continue;
      const fx = Math.min(small.width - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(small.width - 1, x0 + 1);
      const tx = fx - x0;
      const i00 = y0 * small.width + x0;
      const i01 = y0 * small.width + x1;
      const i10 = y1 * small.width + x0;
      const i11 = y1 * small.width + x1;
      const w00 = (1 - tx) * (1 - ty);
      const w01 = tx * (1 - ty);
      const w10 = (1 - tx) * ty;
      const w11 = tx * ty;
      const light = field[i00]! * w00 + field[i01]! * w01 + field[i10]! * w10 + field[i11]! * w11;
      const glow = rim[i00]! * w00 + rim[i01]! * w01 + rim[i10]! * w10 + rim[i11]! * w11;
      const gain = 1 + k * a * Math.max(-MAX_GAIN, Math.min(MAX_GAIN, light - 1));
      const r = glow * a * k * MAX_RIM;
      const lum =
        (0.299 * image[i * 3]! + 0.587 * image[i * 3 + 1]! + 0.114 * image[i * 3 + 2]!) / 255;
      // Shadows and mid-tones take the tint, highlights keep their own colour.
      const harmony = k * a * MAX_HARMONY * (1 - lum) * (1 - lum);
      for (let c = 0; c < 3; c++) {
        let v = image[i * 3 + c]! * gain + tint[c]! * harmony;
        v += (rimColour[c]! - v) * r;
        out[i * 3 + c] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
      }
    }
  }
  return out;
}

/**
 * Key plus fill on the surface normals of the height field (Lambert), relative to the
 * subject's mean: the light models the subject without changing its overall exposure.
 */
function lightField(
  heightField: Float32Array,
  alpha: Float32Array,
  width: number,
  height: number,
): Float32Array {
  const size = Math.min(width, height);
  const field = new Float32Array(width * height);
  let sum = 0;
  let weight = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // Surface normal from the height field's slope (central differences).
      const hx =
        heightField[y * width + Math.min(width - 1, x + 1)]! -
        heightField[y * width + Math.max(0, x - 1)]!;
      const hy =
        heightField[Math.min(height - 1, y + 1) * width + x]! -
        heightField[Math.max(0, y - 1) * width + x]!;
      const [nx, ny, nz] = normalise([-hx * size * 0.5, -hy * size * 0.5, 1]);
      const lambert = Math.max(0, nx * KEY[0] + ny * KEY[1] + nz * KEY[2]);
      field[i] = FILL + (1 - FILL) * lambert;
      sum += field[i]! * alpha[i]!;
      weight += alpha[i]!;
    }
  }
  const mean = weight > 0 ? sum / weight : 1;
  for (let i = 0; i < field.length; i++) field[i] = field[i]! / mean;
  return field;
}

/** A copy `f` times smaller (block means). */
function shrink(
  src: Float32Array,
  width: number,
  height: number,
  f: number,
): { data: Float32Array; width: number; height: number } {
  if (f === 1) return { data: src, width, height };
  const w = Math.ceil(width / f);
  const h = Math.ceil(height / f);
  const sum = new Float32Array(w * h);
  const count = new Float32Array(w * h);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / f) * w;
    for (let x = 0; x < width; x++) {
      const j = row + Math.floor(x / f);
      sum[j] = sum[j]! + src[y * width + x]!;
      count[j] = count[j]! + 1;
    }
  }
  for (let j = 0; j < sum.length; j++) sum[j] = sum[j]! / count[j]!;
  return { data: sum, width: w, height: h };
}

/**
 * A height proxy for the subject, 0–1: the matte blurred into a soft dome (a body is round at
 * its edges), plus an ellipsoid over the face so cheeks and forehead turn toward or away from
 * the key light.
 */
export function subjectHeight(
  alpha: Float32Array,
  width: number,
  height: number,
  face: RelightInput['face'],
): Float32Array {
  const radius = Math.max(2, Math.round(Math.min(width, height) * 0.06));
  const body = boxMean(boxMean(alpha, width, height, radius), width, height, radius);
  if (!face) return body;
  const out = new Float32Array(body.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const dx = (x - face.cx) / face.rx;
      const dy = (y - face.cy) / face.ry;
      const d = dx * dx + dy * dy;
      // A smooth bump (flat at its rim), so no ring shows where the face oval ends.
      out[i] = body[i]! + (d < 1 ? 0.45 * (1 - d) * (1 - d) : 0);
    }
  }
  return out;
}

/** Where the rim light falls: just inside the matte's edge (0–1), nothing deeper inside. */
export function rimMask(
  alpha: Float32Array,
  width: number,
  height: number,
  radius: number,
): Float32Array {
  const blurred = boxMean(alpha, width, height, radius);
  const out = new Float32Array(alpha.length);
  for (let i = 0; i < alpha.length; i++) {
    // Inside the subject and near the background: the matte is high, its neighbourhood lower.
    out[i] = Math.max(0, Math.min(1, (alpha[i]! - blurred[i]!) * 3)) * alpha[i]!;
  }
  return out;
}

/** The backdrop's colour cast relative to the subject's (grey-neutral), per channel. */
function harmonyTint(
  image: Uint8Array,
  alpha: Float32Array,
  backdrop: [number, number, number],
): [number, number, number] {
  const sum = [0, 0, 0];
  let weight = 0;
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i]!;
    if (a < 0.5) continue;
    for (let c = 0; c < 3; c++) sum[c]! += image[i * 3 + c]!;
    weight += 1;
  }
  const subject = weight > 0 ? sum.map((s) => s / weight) : [128, 128, 128];
  const cast = (rgb: number[]) => {
    const l = 0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!;
    return rgb.map((v) => v - l);
  };
  const b = cast(backdrop);
  const s = cast(subject);
  return [b[0]! - s[0]!, b[1]! - s[1]!, b[2]! - s[2]!];
}

function normalise(v: number[]): [number, number, number] {
  const l = Math.hypot(v[0]!, v[1]!, v[2]!) || 1;
  return [v[0]! / l, v[1]! / l, v[2]! / l];
}
