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
  /**
   * The photo is too tight for this crop: no head-and-shoulders frame fits inside it, so the
   * frame reaches past the photo's edges (filled with backdrop; a body that runs out of the
   * photo continues to the frame's edge).
   */
  tight: boolean;
  /** Straightened y of the chin: below it, a body that runs out of the photo may continue. */
  bodyTop: number;
}

export const ASPECT: Record<Crop, number> = { '1:1': 1, '4:5': 4 / 5, '3:2': 3 / 2 };

/**
 * Head height (top of hair to chin) as a share of the frame height, per crop: a classic
 * head-and-shoulders portrait, a little tighter for the square avatar and the landscape crop.
 */
export const HEAD_SHARE: Record<Crop, number> = { '4:5': 0.42, '1:1': 0.46, '3:2': 0.52 };

/** The closest crop we make before giving up on staying inside the photo: head ≤ this share. */
export const MAX_HEAD_SHARE = 0.62;

/** Eye line a third of the way down the frame. */
export const EYE_LINE = 1 / 3;

/** Eye lines tried, nearest the third first, when the photo leaves no room for the ideal one. */
const EYE_LINES = [EYE_LINE, 0.31, 0.355, 0.29, 0.375, 0.27, 0.4];
/** Sideways shifts of the face (share of the frame width) tried, the smallest first. */
const SHIFTS = [0, -0.04, 0.04, -0.08, 0.08, -0.12, 0.12, -0.16, 0.16];
const HEIGHT_STEPS = 40;

/** Rolls under this many degrees are left alone; larger ones are not "tilt" but a pose. */
const MIN_STRAIGHTEN = 1;
const MAX_STRAIGHTEN = 25;

export function straighteningAngle(roll: number, straighten: boolean): number {
  if (!straighten || Math.abs(roll) < MIN_STRAIGHTEN) return 0;
  return -Math.max(-MAX_STRAIGHTEN, Math.min(MAX_STRAIGHTEN, roll));
}

/**
 * Portrait framing: eye line at a third from the top, head size by crop, face centred, never
 * cutting the chin or the top of the hair (unless the photo itself cuts the hair).
 *
 * The frame stays inside the photo — after straightening, inside the rotated photo — so no
 * draft ever shows the photo's edge: when the ideal frame does not fit, it is moved a little
 * (eye line, sideways) and then made closer, down to a head of MAX_HEAD_SHARE of the frame.
 * Only when even that does not fit does the frame reach past the photo (`tight`); it then never
 * reaches above a head the photo already cuts.
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
  const photo = photoArea(input.image, pivot, angle);
  // The photo already cuts the head when the room above the hair lies outside it.
  const headCut = !photo.contains({ x: hairTop.x, y: hairTop.y - margin });
  const keepsHead = (r: Rect) =>
    (headCut || r.y <= hairTop.y - margin + 0.5) && r.y + r.height >= chin.y + margin - 0.5;

  const ideal = head / HEAD_SHARE[input.crop];
  const closest = head / MAX_HEAD_SHARE;
  for (let i = 0; i <= HEIGHT_STEPS; i++) {
    const height = ideal - ((ideal - closest) * i) / HEIGHT_STEPS;
    const width = height * aspect;
    for (const eyeLine of EYE_LINES) {
      for (const shift of SHIFTS) {
        const rect = {
          x: eyes.x - width / 2 + shift * width,
          y: eyes.y - height * eyeLine,
          width,
          height,
        };
        if (keepsHead(rect) && photo.containsRect(rect))
          return { angle, pivot, rect, tight: false, bodyTop: chin.y };
      }
    }
  }

  // Nothing fits: the smallest pleasant frame that keeps the whole head, centred.
  const minHeight = Math.max(
    (eyes.y - hairTop.y + margin) / EYE_LINE,
    (chin.y - eyes.y + margin) / (1 - EYE_LINE),
  );
  let height = Math.max(minHeight, Math.min(ideal, head / 0.55));
  let y = Math.min(eyes.y - height * EYE_LINE, hairTop.y - margin);
  if (headCut) {
    // Never add backdrop above a head the photo cuts: the frame's top corners stay inside the
    // photo (its top edge may be tilted), and the frame grows down to keep the chin.
    for (let i = 0; i < 4; i++) {
      const half = (height * aspect) / 2;
      y = Math.max(y, photo.topAt(eyes.x - half), photo.topAt(eyes.x + half));
      height = Math.max(height, chin.y + margin - y);
    }
  }
  const width = height * aspect;
  return {
    angle,
    pivot,
    rect: { x: eyes.x - width / 2, y, width, height },
    tight: true,
    bodyTop: chin.y,
  };
}

/** The photo as seen from the straightened frame (a rectangle rotated by `angle`). */
function photoArea(image: { width: number; height: number }, pivot: Point, angle: number) {
  const toSource = (p: Point) => rotatePoint(p, pivot, -angle);
  const tolerance = 0.5;
  const contains = (p: Point) => {
    const s = toSource(p);
    return (
      s.x >= -tolerance &&
      s.y >= -tolerance &&
      s.x <= image.width + tolerance &&
      s.y <= image.height + tolerance
    );
  };
  return {
    contains,
    // The photo is convex: a rectangle is inside when its four corners are.
    containsRect: (r: Rect) =>
      contains({ x: r.x, y: r.y }) &&
      contains({ x: r.x + r.width, y: r.y }) &&
      contains({ x: r.x, y: r.y + r.height }) &&
      contains({ x: r.x + r.width, y: r.y + r.height }),
    /** The y of the photo's top edge at column x of the straightened frame. */
    topAt: (x: number) => {
      const a = (angle * Math.PI) / 180;
      return pivot.y + ((x - pivot.x) * Math.sin(a) - pivot.y) / Math.cos(a);
    },
  };
}

/** Maps a source point into output pixels of a rendered frame of `outputWidth`. */
export function toOutput(p: Point, framing: Framing, outputWidth: number): Point {
  const s = rotatePoint(p, framing.pivot, framing.angle);
  const scale = outputWidth / framing.rect.width;
  return { x: (s.x - framing.rect.x) * scale, y: (s.y - framing.rect.y) * scale };
}

/** Maps an output pixel of a rendered frame of `outputWidth` back to source pixels. */
export function toSource(p: Point, framing: Framing, outputWidth: number): Point {
  const scale = framing.rect.width / outputWidth;
  const s = { x: framing.rect.x + p.x * scale, y: framing.rect.y + p.y * scale };
  return rotatePoint(s, framing.pivot, -framing.angle);
}
