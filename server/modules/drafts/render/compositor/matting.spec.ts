import { boxBlur } from './box-filter';
import {
  alphaOnColourLine,
  computeMatte,
  decontaminate,
  refineCoarse,
  TRIMAP,
  trimapFromCoarse,
  type RgbImage,
} from './matting';
import { boxMean } from './pixel-math';

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distance from p to the segment a–b. */
function toSegment(px: number, py: number, a: number[], b: number[]): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const t = Math.max(0, Math.min(1, ((px - a[0]!) * dx + (py - a[1]!) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - a[0]! - t * dx, py - a[1]! - t * dy);
}

/**
 * A head with thin hair strands (alpha known exactly), brown hair over a pale wall, at a
 * "working" size and the model's third of it.
 */
function aHairyPortrait(width: number, height: number) {
  const rnd = random(5);
  const cx = width / 2;
  const cy = height * 0.55;
  const r = width * 0.28;
  const strands: number[][][] = [];
  for (let s = 0; s < 40; s++) {
    const t = Math.PI * (1.1 + 0.8 * rnd());
    const a = [cx + Math.cos(t) * r, cy + Math.sin(t) * r];
    const len = r * (0.25 + 0.3 * rnd());
    const dir = t + (rnd() - 0.5) * 0.6;
    strands.push([a, [a[0]! + Math.cos(dir) * len, a[1]! + Math.sin(dir) * len]]);
  }
  const alpha = new Float32Array(width * height);
  const photo = new Uint8Array(width * height * 3);
  const hair = [92, 60, 34];
  const wall = [214, 222, 236];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // Anti-aliased disc and strands (0.6 px half-width, half opaque: fine hair).
      let a = Math.max(0, Math.min(1, r - Math.hypot(x + 0.5 - cx, y + 0.5 - cy) + 0.5));
      for (const [p, q] of strands) {
        const d = toSegment(x + 0.5, y + 0.5, p!, q!);
        a = Math.max(a, 0.7 * Math.max(0, Math.min(1, 1.1 - d)));
      }
      alpha[i] = a;
      const shade = 0.85 + 0.3 * rnd();
      for (let c = 0; c < 3; c++) {
        photo[i * 3 + c] = Math.round(a * hair[c]! * shade + (1 - a) * wall[c]!);
      }
    }
  }
  return { alpha, photo: { data: photo, width, height } as RgbImage };
}

/** Box-averages an image down by an integer factor (what a resize to the model's size does). */
function shrink(
  image: Float32Array | Uint8Array,
  width: number,
  height: number,
  k: number,
  channels: number,
) {
  const w = Math.floor(width / k);
  const h = Math.floor(height / k);
  const out = new Float32Array(w * h * channels);
  for (let y = 0; y < h * k; y++) {
    for (let x = 0; x < w * k; x++) {
      for (let c = 0; c < channels; c++) {
        out[(Math.floor(y / k) * w + Math.floor(x / k)) * channels + c] +=
          image[(y * width + x) * channels + c]! / (k * k);
      }
    }
  }
  return { data: out, width: w, height: h };
}

/** The model's view: small, blurred, thresholded, softened again, shifted one pixel right. */
function aCoarseMask(alpha: Float32Array, width: number, height: number, k: number) {
  const small = shrink(alpha, width, height, k, 1);
  const blurred = boxBlur(small.data, small.width, small.height, 1);
  const solid = Float32Array.from(blurred, (v) => (v > 0.5 ? 1 : 0));
  const soft = boxBlur(solid, small.width, small.height, 1);
  const coarse = new Uint8Array(soft.length);
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      coarse[y * small.width + x] = Math.round(soft[y * small.width + Math.max(0, x - 1)]! * 255);
    }
  }
  return coarse;
}

/** Today's matte: the guided-filter refinement at the model's size, enlarged bilinearly. */
function todaysMatte(small: RgbImage, coarse: Uint8Array, width: number, height: number) {
  const refined = refineCoarse(small, coarse);
  const out = new Float32Array(width * height);
  const f = small.width / width;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(small.height - 1, Math.max(0, (y + 0.5) * f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(small.height - 1, y0 + 1);
    for (let x = 0; x < width; x++) {
      const sx = Math.min(small.width - 1, Math.max(0, (x + 0.5) * f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(small.width - 1, x0 + 1);
      const tx = sx - x0;
      const ty = sy - y0;
      out[y * width + x] =
        (refined[y0 * small.width + x0]! * (1 - tx) + refined[y0 * small.width + x1]! * tx) *
          (1 - ty) +
        (refined[y1 * small.width + x0]! * (1 - tx) + refined[y1 * small.width + x1]! * tx) * ty;
    }
  }
  return out;
}

/** Mean absolute alpha error over the pixels where the truth is not plain background or person. */
function edgeError(estimate: Float32Array, truth: Float32Array, width: number, height: number) {
  // The edge band: within 3 px of any partly transparent pixel of the truth.
  const partial = Float32Array.from(truth, (a) => (a > 0.01 && a < 0.99 ? 1 : 0));
  const near = boxMean(partial, width, height, 3);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < truth.length; i++) {
    if (near[i]! <= 0) continue;
    sum += Math.abs(estimate[i]! - truth[i]!);
    n += 1;
  }
  return sum / n;
}

describe('trimapFromCoarse', () => {
  it('marks the sure person, the sure background and a band of the given width between', () => {
    const width = 41;
    const coarse = new Uint8Array(width * width);
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++)
        if (Math.hypot(x - 20, y - 20) <= 12) coarse[y * width + x] = 255;
    }
    const trimap = trimapFromCoarse(coarse, width, width, 3);
    expect(trimap[20 * width + 20]).toBe(TRIMAP.foreground);
    expect(trimap[20 * width + 20 + 12]).toBe(TRIMAP.unknown); // on the edge
    expect(trimap[20 * width + 20 + 15]).toBe(TRIMAP.unknown); // 3 px outside
    expect(trimap[20 * width + 20 + 17]).toBe(TRIMAP.background);
    expect(trimap[20 * width + 20 + 8]).toBe(TRIMAP.foreground);
    expect(trimap[0]).toBe(TRIMAP.background);
  });
});

describe('alphaOnColourLine', () => {
  it('reads a colour halfway between the person and the background as half transparent', () => {
    const { alpha, trust } = alphaOnColourLine([150, 100, 75], [200, 100, 50], [100, 100, 100]);
    expect(alpha).toBeCloseTo(0.5, 2);
    expect(trust).toBeGreaterThan(0.6);
  });

  it('does not trust a colour line between two near-identical colours, nor a colour far off it', () => {
    expect(alphaOnColourLine([120, 120, 120], [122, 120, 118], [118, 120, 122]).trust).toBeLessThan(
      0.05,
    );
    expect(alphaOnColourLine([20, 230, 20], [200, 100, 50], [100, 100, 100]).trust).toBeLessThan(
      0.05,
    );
  });
});

describe('decontaminate', () => {
  /** Edge colours: one colour each for person and background, used everywhere (a 2 × 2 grid). */
  const edges = (person: number[], wall: number[], weight = 255) => ({
    foreground: new Uint8Array([...person, ...person, ...person, ...person]),
    background: new Uint8Array([...wall, ...wall, ...wall, ...wall]),
    weight: new Uint8Array([weight, weight, weight, weight]),
    width: 2,
    height: 2,
  });

  it('gives a half-transparent edge pixel the person’s colour without the old background', () => {
    // Red hair at 40 % over a blue wall.
    const a = 0.4;
    const red = [200, 40, 30];
    const blue = [30, 60, 200];
    const mixed = red.map((c, k) => Math.round(a * c + (1 - a) * blue[k]!));
    const out = decontaminate(
      { data: new Uint8Array(mixed), width: 1, height: 1 },
      new Float32Array([a]),
      edges(red, blue),
    );
    for (let c = 0; c < 3; c++) expect(Math.abs(out[c]! - red[c]!)).toBeLessThanOrEqual(6);
  });

  it('leaves opaque pixels, and everything outside its weight, as they are', () => {
    const image = { data: new Uint8Array([10, 20, 30, 10, 20, 30]), width: 2, height: 1 };
    const opaque = decontaminate(
      image,
      new Float32Array([1, 0.5]),
      edges([200, 200, 200], [0, 0, 0], 0),
    );
    expect([...opaque]).toEqual([10, 20, 30, 10, 20, 30]);
    const mixed = decontaminate(
      image,
      new Float32Array([1, 0.5]),
      edges([200, 200, 200], [0, 0, 0]),
    );
    expect([...mixed.slice(0, 3)]).toEqual([10, 20, 30]);
    expect(mixed[3]).toBeGreaterThan(10);
  });
});

describe('computeMatte', () => {
  const width = 150;
  const height = 150;
  const k = 3;
  const { alpha: truth, photo } = aHairyPortrait(width, height);
  const shrunk = shrink(photo.data, width, height, k, 3);
  const small: RgbImage = {
    data: Uint8Array.from(shrunk.data, (v) => Math.round(v)),
    width: shrunk.width,
    height: shrunk.height,
  };
  const coarse = aCoarseMask(truth, width, height, k);

  it('recovers fine hair at the working size far better than the refined coarse mask', () => {
    const matte = computeMatte(photo, small, coarse);
    expect(matte.width).toBe(width);
    const recovered = Float32Array.from(matte.alpha, (a) => a / 255);
    const today = edgeError(todaysMatte(small, coarse, width, height), truth, width, height);
    const next = edgeError(recovered, truth, width, height);
    // Measured: today 0.14, new 0.07 mean absolute alpha error on the edge band.
    expect(today).toBeGreaterThan(0.1);
    expect(next).toBeLessThan(0.1);
  });

  it('keeps the person solid and the background clear away from the edge', () => {
    const { alpha } = computeMatte(photo, small, coarse);
    expect(alpha[Math.round(height * 0.55) * width + width / 2]).toBe(255);
    expect(alpha[(height - 3) * width + 3]).toBe(0);
  });

  it('only refines the edge inside the given hair region', () => {
    const elsewhere = { x: 0, y: small.height - 4, width: 4, height: 4 };
    const { alpha, edgeColours } = computeMatte(photo, small, coarse, elsewhere);
    const today = todaysMatte(small, coarse, width, height);
    const asToday = Float32Array.from(alpha, (a) => a / 255);
    expect(edgeError(asToday, truth, width, height)).toBeCloseTo(
      edgeError(today, truth, width, height),
      1,
    );
    expect(edgeColours.weight[0]).toBe(0);
  });
});
