import { boxBlur } from './box-filter';

/**
 * Keeps only the person whose face was analysed in a person mask. The segmentation model marks
 * every person in the frame; a neighbour's shoulder, hand or half face reaching in from the edge
 * would otherwise stay as foreground. Pure, no I/O.
 */

export interface MaskBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Above this (0–255) a mask pixel counts as person. */
const SOLID = 128;

/**
 * Labels the 8-connected regions of `solid` (1 = inside). Returns one label per pixel (0 =
 * outside, 1… = region) and the number of regions.
 */
export function labelRegions(
  solid: Uint8Array,
  width: number,
  height: number,
): { labels: Int32Array; count: number } {
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let count = 0;
  for (let start = 0; start < solid.length; start++) {
    if (!solid[start] || labels[start]) continue;
    count += 1;
    labels[start] = count;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (solid[j] && !labels[j]) {
            labels[j] = count;
            stack[top++] = j;
          }
        }
      }
    }
  }
  return { labels, count };
}

/**
 * Where the subject surely is: the middle of the analysed face and the torso right below it,
 * as wide as plausible shoulders (in mask pixels).
 */
export function subjectSeeds(face: MaskBox, width: number, height: number): MaskBox[] {
  const cx = face.x + face.width / 2;
  return [
    {
      x: face.x + face.width * 0.3,
      y: face.y + face.height * 0.3,
      width: face.width * 0.4,
      height: face.height * 0.4,
    },
    {
      x: cx - face.width * 0.9,
      y: face.y + face.height,
      width: face.width * 1.8,
      height: face.height * 1.2,
    },
  ].map((b) => clip(b, width, height));
}

/**
 * The mask with everything that is not the subject set to 0: regions not connected to the face
 * or the torso below it go, and so do parts that reach in from the frame's edge and hang on to
 * the subject only by a thin bridge (a neighbour's hand on the subject's shoulder). A raised arm
 * of the subject, thick and connected to the body, stays.
 */
export function isolateSubject(
  mask: Uint8Array,
  width: number,
  height: number,
  face: MaskBox,
): Uint8Array {
  const seeds = subjectSeeds(face, width, height);
  const solid = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) solid[i] = mask[i]! > SOLID ? 1 : 0;

  // 1. Regions that touch the seeds.
  const subject = keepSeeded(solid, width, height, seeds);

  // 2. Thin bridges: erode, find the eroded parts not reached from the seeds that touch the frame
  // edge, and take them (grown back to their size) out of the subject.
  const bridge = Math.max(2, Math.round(face.height * 0.09));
  const core = morph(subject, width, height, bridge, 'erode');
  const coreKept = keepSeeded(core, width, height, seeds);
  const { labels, count } = labelRegions(core, width, height);
  const atEdge = new Uint8Array(count + 1);
  const kept = new Uint8Array(count + 1);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (!l) continue;
    if (coreKept[i]) kept[l] = 1;
    const x = i % width;
    const y = (i - x) / width;
    if (x <= bridge || y <= bridge || x >= width - 1 - bridge || y >= height - 1 - bridge)
      atEdge[l] = 1;
  }
  const stranger = new Uint8Array(mask.length);
  let anyStranger = false;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l && atEdge[l] && !kept[l]) {
      stranger[i] = 1;
      anyStranger = true;
    }
  }
  const strangerZone = anyStranger
    ? morph(stranger, width, height, bridge + 1, 'dilate')
    : stranger;
  const keptZone = morph(coreKept, width, height, bridge + 1, 'dilate');
  for (let i = 0; i < subject.length; i++) {
    if (subject[i] && strangerZone[i] && !keptZone[i]) subject[i] = 0;
  }

  // 3. A neighbour joined on by a wide blur (the model often fills the floor between people).
  cutAtSideValleys(subject, width, height, face);
  const whole = keepSeeded(subject, width, height, seeds);
  subject.set(whole);

  // 4. The soft edge of what stays (a few pixels around the solid subject) keeps its values.
  const edge = morph(subject, width, height, 2, 'dilate');
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = edge[i] ? mask[i]! : 0;
  return out;
}

/**
 * Looks left and right of the neck (a face width from the face's centre) at how much person
 * each column holds below the chin. The subject's body thins out towards the frame's
 * side; a neighbour shows as a valley (the gap between two people, filled only by the model's
 * blur) and then a rise towards the frame's edge. Everything past such a valley, below the middle
 * of the face, is taken out (`solid` is changed in place).
 */
function cutAtSideValleys(solid: Uint8Array, width: number, height: number, face: MaskBox): void {
  const chin = Math.min(height, Math.round(face.y + face.height));
  const counts = new Float32Array(width);
  for (let y = chin; y < height; y++) {
    for (let x = 0; x < width; x++) counts[x]! += solid[y * width + x]!;
  }
  const cx = face.x + face.width / 2;
  const rows = Math.max(1, height - chin);
  for (const step of [-1, 1]) {
    const start = Math.round(cx + step * face.width);
    if (start <= 0 || start >= width - 1) continue;
    // From the shoulder outwards: the deepest column with more person again beyond it.
    const xs: number[] = [];
    for (let x = start; x >= 0 && x < width; x += step) xs.push(x);
    const after = new Float32Array(xs.length);
    for (let k = xs.length - 1, best = 0; k >= 0; k--) {
      best = Math.max(best, counts[xs[k]!]!);
      after[k] = best;
    }
    let valley = -1;
    let deepest = 0;
    let shoulder = 0;
    for (let k = 0; k < xs.length; k++) {
      const low = counts[xs[k]!]!;
      const rise = after[k]!;
      shoulder = Math.max(shoulder, low);
      if (low > shoulder * 0.6 || rise < low * 1.5 + rows * 0.1) continue;
      const depth = Math.min(shoulder, rise) - low;
      if (depth > deepest) {
        deepest = depth;
        valley = xs[k]!;
      }
    }
    if (valley < 0) continue;
    const top = Math.max(0, Math.round(face.y + face.height / 2));
    for (let y = top; y < height; y++) {
      for (let x = valley; x >= 0 && x < width; x += step) solid[y * width + x] = 0;
    }
  }
}

/** The regions of `solid` that have at least one pixel inside one of `seeds`. */
function keepSeeded(
  solid: Uint8Array,
  width: number,
  height: number,
  seeds: MaskBox[],
): Uint8Array {
  const { labels, count } = labelRegions(solid, width, height);
  const keep = new Uint8Array(count + 1);
  for (const s of seeds) {
    for (let y = s.y; y < s.y + s.height; y++) {
      for (let x = s.x; x < s.x + s.width; x++) keep[labels[y * width + x]!] = 1;
    }
  }
  keep[0] = 0;
  const out = new Uint8Array(solid.length);
  for (let i = 0; i < solid.length; i++) out[i] = keep[labels[i]!]!;
  return out;
}

/** Erosion or dilation of a 0/1 image by a (2r+1)² square. */
export function morph(
  solid: Uint8Array,
  width: number,
  height: number,
  r: number,
  kind: 'erode' | 'dilate',
): Uint8Array {
  const f = new Float32Array(solid.length);
  for (let i = 0; i < solid.length; i++) f[i] = solid[i]!;
  const mean = boxBlur(f, width, height, r);
  const out = new Uint8Array(solid.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = kind === 'erode' ? (mean[i]! > 0.9999 ? 1 : 0) : mean[i]! > 1e-4 ? 1 : 0;
  }
  return out;
}

function clip(b: MaskBox, width: number, height: number): MaskBox {
  const x0 = Math.max(0, Math.min(width - 1, Math.round(b.x)));
  const y0 = Math.max(0, Math.min(height - 1, Math.round(b.y)));
  const x1 = Math.max(x0 + 1, Math.min(width, Math.round(b.x + b.width)));
  const y1 = Math.max(y0 + 1, Math.min(height, Math.round(b.y + b.height)));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
