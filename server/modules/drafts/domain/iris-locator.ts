import { type EyeLandmarks, type Point } from './face-geometry';

/** Raw interleaved RGB pixels (the image the models saw). */
export interface RgbPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Eyes narrower than this (pixels) are left to the mesh's own iris: too few pixels to search. */
export const MIN_EYE_WIDTH_PX = 20;
/** The iris is about 0.4 of the eye's width across. */
const IRIS_RADIUS = 0.2;
const STEPS = 40;

/**
 * Finds the iris in the photo itself: the darkest disc of an iris's size between the lids. The
 * mesh's iris estimate for one of the two eyes often sits a tenth to a fifth of the eye's width
 * beside the real iris on sharp photos; the dark disc between the white of the eye does not.
 * Returns null when the eye is too small or too flat (closed) to search.
 */
export function locateIris(image: RgbPixels, eye: EyeLandmarks): Point | null {
  const width = Math.hypot(eye.inner.x - eye.outer.x, eye.inner.y - eye.outer.y);
  if (width < MIN_EYE_WIDTH_PX) return null;
  const ux = (eye.inner.x - eye.outer.x) / width;
  const uy = (eye.inner.y - eye.outer.y) / width;
  const centre = { x: (eye.outer.x + eye.inner.x) / 2, y: (eye.outer.y + eye.inner.y) / 2 };
  const outline = [eye.outer, ...eye.upperLid, eye.inner, ...[...eye.lowerLid].reverse()];
  const step = width / STEPS;
  // Sample the eye on a grid aligned with its corners; keep the cells between the lids.
  const cells = new Map<string, { i: number; j: number; luminance: number; at: Point }>();
  for (let j = -STEPS / 2; j <= STEPS / 2; j++) {
    for (let i = -STEPS / 2; i <= STEPS / 2; i++) {
      const at = {
        x: centre.x + i * step * ux - j * step * uy,
        y: centre.y + i * step * uy + j * step * ux,
      };
      if (inside(at, outline)) cells.set(`${i},${j}`, { i, j, luminance: sample(image, at), at });
    }
  }
  if (cells.size < STEPS) return null;
  const sorted = [...cells.values()].map((c) => c.luminance).sort((a, b) => a - b);
  const bright = sorted[Math.floor(sorted.length * 0.9)]!;
  const dark = sorted[0]!;
  if (bright - dark < 12) return null;
  const darkness = (l: number) => Math.max(0, (bright - l) / (bright - dark));
  const r = IRIS_RADIUS * STEPS;
  let best: { score: number; at: Point } | null = null;
  for (const cell of cells.values()) {
    let score = 0;
    for (let dj = -Math.ceil(r); dj <= r; dj++) {
      for (let di = -Math.ceil(r); di <= r; di++) {
        if (di * di + dj * dj > r * r) continue;
        const other = cells.get(`${cell.i + di},${cell.j + dj}`);
        if (other) score += darkness(other.luminance);
      }
    }
    if (!best || score > best.score) best = { score, at: cell.at };
  }
  return best?.at ?? null;
}

/** The eye with its iris found in the pixels where that works, else as the mesh placed it. */
export function withIrisFromPixels(image: RgbPixels, eye: EyeLandmarks): EyeLandmarks {
  const iris = locateIris(image, eye);
  return iris ? { ...eye, iris } : eye;
}

function sample(image: RgbPixels, p: Point): number {
  const x = Math.max(0, Math.min(image.width - 1.001, p.x));
  const y = Math.max(0, Math.min(image.height - 1.001, p.y));
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => {
    const o = (yy * image.width + xx) * 3;
    return 0.299 * image.data[o]! + 0.587 * image.data[o + 1]! + 0.114 * image.data[o + 2]!;
  };
  return (
    at(x0, y0) * (1 - fx) * (1 - fy) +
    at(x0 + 1, y0) * fx * (1 - fy) +
    at(x0, y0 + 1) * (1 - fx) * fy +
    at(x0 + 1, y0 + 1) * fx * fy
  );
}

function inside(p: Point, polygon: Point[]): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) {
      result = !result;
    }
  }
  return result;
}
