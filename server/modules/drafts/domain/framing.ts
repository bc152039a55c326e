import type { Crop } from '../../../../shared/drafts/drafts.types';
import { type Point, rotatePoint } from './face-geometry';

export interface FramingInput {
  image: { width: number; height: number };
  /** Centre between the eyes, the chin, and the top of the hair, in source pixels. */
  eyes: Point;
  chin: Point;
  hairTop: Point;
  /** Measured head roll in degrees (see `rollFromEyes`). */
  roll: number;
  straighten: boolean;
  crop: Crop;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The crop to render: a rectangle in the straightened frame (the source rotated by `angle`
 * degrees clockwise around `pivot`), in source pixels.
 */
export interface Framing {
  angle: number;
  pivot: Point;
  rect: Rect;
  /** The photo is too tight for this crop: the frame reaches past the photo's edges. */
  tight: boolean;
}

export const ASPECT: Record<Crop, number> = { '1:1': 1, '4:5': 4 / 5, '3:2': 3 / 2 };

/**
 * Head height (top of hair to chin) as a share of the frame height, per crop: a classic
 * head-and-shoulders portrait, a little tighter for the square avatar and the landscape crop.
 */
export const HEAD_SHARE: Record<Crop, number> = { '4:5': 0.42, '1:1': 0.46, '3:2': 0.52 };

/** Eye line a third of the way down the frame. */
export const EYE_LINE = 1 / 3;

/** Rolls under this many degrees are left alone; larger ones are not "tilt" but a pose. */
const MIN_STRAIGHTEN = 1;
const MAX_STRAIGHTEN = 25;

export function straighteningAngle(roll: number, straighten: boolean): number {
  if (!straighten || Math.abs(roll) < MIN_STRAIGHTEN) return 0;
  return -Math.max(-MAX_STRAIGHTEN, Math.min(MAX_STRAIGHTEN, roll));
}

/**
 * Portrait framing: eye line at a third from the top, head size by crop, face centred, never
 * cutting the chin or the top of the hair. Prefers to stay inside the photo; when the photo is
 * too tight it keeps the head whole and lets the frame run past the edges (`tight`).
 */
export function frame(input: FramingInput): Framing {
  const angle = straighteningAngle(input.roll, input.straighten);
  const pivot = input.eyes;
  const toS = (p: Point) => rotatePoint(p, pivot, angle);
  const eyes = toS(input.eyes);
  const chin = toS(input.chin);
  const hairTop = toS(input.hairTop);
  const aspect = ASPECT[input.crop];
  const head = Math.max(1, chin.y - hairTop.y);
  const margin = head * 0.08;

  // The photo's own edges, seen from the straightened frame (its rotated corners' inner box).
  const corners = [
    { x: 0, y: 0 },
    { x: input.image.width, y: 0 },
    { x: input.image.width, y: input.image.height },
    { x: 0, y: input.image.height },
  ].map(toS);
  const xs = corners.map((c) => c.x).sort((a, b) => a - b);
  const ys = corners.map((c) => c.y).sort((a, b) => a - b);
  const inner = { left: xs[1]!, right: xs[2]!, top: ys[1]!, bottom: ys[2]! };

  // Smallest frame that keeps the whole head with margins, with the eyes on the third line.
  const minHeight = Math.max(
    (eyes.y - hairTop.y + margin) / EYE_LINE,
    (chin.y - eyes.y + margin) / (1 - EYE_LINE),
  );
  // Largest frame that stays inside the photo: bottom edge and both sides around the eyes.
  const maxHeight = Math.min(
    (inner.bottom - eyes.y) / (1 - EYE_LINE),
    (2 * Math.min(eyes.x - inner.left, inner.right - eyes.x)) / aspect,
  );
  const ideal = head / HEAD_SHARE[input.crop];
  const height = Math.max(minHeight, Math.min(ideal, maxHeight));
  const width = height * aspect;
  let y = eyes.y - height * EYE_LINE;
  // Keep the hair inside when the photo's top would otherwise be in the frame and room allows.
  y = Math.min(y, hairTop.y - margin);
  return {
    angle,
    pivot,
    rect: { x: eyes.x - width / 2, y, width, height },
    tight: height > maxHeight + 0.5,
  };
}

/** Maps a source point into output pixels of a rendered frame of `outputWidth`. */
export function toOutput(p: Point, framing: Framing, outputWidth: number): Point {
  const s = rotatePoint(p, framing.pivot, framing.angle);
  const scale = outputWidth / framing.rect.width;
  return { x: (s.x - framing.rect.x) * scale, y: (s.y - framing.rect.y) * scale };
}
