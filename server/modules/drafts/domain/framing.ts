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
/**
 * A close-up photo (no shoulders in it) gets a close-up headshot rather than a body invented
 * past its edge: head up to this share of the frame, reported as tight.
 */
export const CLOSE_UP_HEAD_SHARE = 0.85;

/** Eye line a third of the way down the frame. */
export const EYE_LINE = 1 / 3;

/** Eye lines tried, nearest the third first, when the photo leaves no room for the ideal one. */
const EYE_LINES = [EYE_LINE, 0.31, 0.355, 0.29, 0.375, 0.27, 0.4];
/** The lowest eye line we accept (share of the frame height from the top). */
const MAX_EYE_LINE = 0.42;
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
 * cutting the chin or the top of the hair (unless the photo itself cuts the hair: then the
 * frame's top meets the photo's top over the head, and no backdrop is painted above it).
 *
 * No draft shows the photo's edge across the body: the frame stays inside the photo — after
 * straightening, inside the rotated photo — moving a little (eye line, sideways) and then
 * coming closer, down to a head of MAX_HEAD_SHARE of the frame. If no frame fits wholly, one
 * whose part below the chin (where the body is) fits is taken: above the chin, corners past the
 * photo are backdrop (the renderer fades whatever touches the photo's edge there). Only when
 * even that fails does the frame reach past the photo below the chin (`tight`), where the
 * renderer continues the body to the frame's edge.
 */
export function frame(input: FramingInput): Framing {
  const full = straighteningAngle(input.roll, input.straighten);
  // Straighten as far as the photo allows: a close-up rolled 25° has no room to turn upright.
  for (const angle of [...new Set([full, full / 2, 0])]) {
    const fitted = frameAt(input, angle, false);
    if (fitted) return fitted;
  }
  // Nothing fits at any angle: a tight frame, straightened as asked.
  return frameAt(input, full, true)!;
}

/** The frame at one straightening angle; null when none fits and `orTight` is false. */
function frameAt(input: FramingInput, angle: number, orTight: boolean): Framing | null {
  const pivot = input.eyes;
  const toS = (p: Point) => rotatePoint(p, pivot, angle);
  const eyes = toS(input.eyes);
  const chin = toS(input.chin);
  const hairTop = toS(input.hairTop);
  const aspect = ASPECT[input.crop];
  const head = Math.max(1, chin.y - hairTop.y);
  const margin = head * 0.08;
  const photo = photoArea(input.image, pivot, angle);
  // The photo already cuts the head when the room above the hair lies outside it: the frame's
  // top then lies on the photo's top edge above the head's centre.
  const headCut = !photo.contains({ x: hairTop.x, y: hairTop.y - margin });
  const cutTop = Math.max(hairTop.y - margin, photo.topAt(hairTop.x));
  const result = (rect: Rect, tight: boolean): Framing => ({
    angle,
    pivot,
    rect,
    tight,
    bodyTop: chin.y,
  });

  const ideal = head / HEAD_SHARE[input.crop];
  const closest = head / MAX_HEAD_SHARE;
  const candidates = function* (from: number, to: number, chinRoom = margin) {
    for (let i = 0; i <= HEIGHT_STEPS; i++) {
      const height = from - ((from - to) * i) / HEIGHT_STEPS;
      const width = height * aspect;
      const tops = headCut
        ? [cutTop]
        : EYE_LINES.map((line) => eyes.y - height * line).filter((y) => y <= hairTop.y - margin);
      for (const y of tops) {
        if ((eyes.y - y) / height > MAX_EYE_LINE || y + height < chin.y + chinRoom) continue;
        for (const shift of SHIFTS)
          yield { x: eyes.x - width / 2 + shift * width, y, width, height };
      }
    }
  };
  for (const rect of candidates(ideal, closest))
    if (photo.containsRect(rect)) return result(rect, false);
  const belowChin = (r: Rect): Rect => {
    const top = Math.max(r.y, chin.y);
    return { x: r.x, y: top, width: r.width, height: r.y + r.height - top };
  };
  for (const rect of candidates(ideal, closest))
    if (photo.containsRect(belowChin(rect))) return result(rect, false);
  for (const rect of candidates(closest, head / CLOSE_UP_HEAD_SHARE, margin / 4))
    if (photo.containsRect(belowChin(rect))) return result(rect, true);

  if (!orTight) return null;
  // Nothing fits: the smallest pleasant frame that keeps the whole head, centred.
  const y = headCut ? cutTop : hairTop.y - margin;
  const height = Math.max(
    chin.y + margin - y,
    (eyes.y - y) / MAX_EYE_LINE,
    // As close as a close-up: the less of the frame lies past the photo, the better.
    head / CLOSE_UP_HEAD_SHARE,
  );
  const width = height * aspect;
  return result({ x: eyes.x - width / 2, y, width, height }, true);
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
