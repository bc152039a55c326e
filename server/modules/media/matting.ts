import { morph } from './subject-isolation';
import { boxBlur } from './box-filter';
import { guidedFilter, luminance, toBytes } from './pixel-math';

/**
 * The draft's alpha matte, learning-free, in two resolutions. At the mask's (small) size: a
 * trimap from the coarse person mask (eroded = surely person, dilated = the unknown band, the
 * rest surely background) and, for every pixel of the band, the local mean colour of the person
 * and of the background next to it. At the working size: each band pixel's alpha is where its
 * colour lies between those two means (the colour-line model of closed-form matting, with the
 * line fitted locally), trusted in proportion to how far apart the two colours are and how well
 * the pixel fits between them; elsewhere the guided-filter refinement of the coarse mask stands.
 * The same two means give the foreground colour of edge pixels without the old background
 * mixed in (one step of Forte & Pitié's blur-fusion estimate), so a new backdrop shows no
 * fringe or halo. Pure, no I/O.
 */

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Local person and background colour means at the mask's size (RGB, 0–255 each). */
export interface EdgeColours {
  foreground: Uint8Array;
  background: Uint8Array;
  /** Where the edge is refined and decontaminated (0–255): around the head, where hair is. */
  weight: Uint8Array;
  width: number;
  height: number;
}

/** A rectangle in the coarse mask's pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The edge colours and how much each side's colours vary around them (variance, 0–255² × 3). */
export interface LocalColours extends Omit<EdgeColours, 'weight'> {
  foregroundSpread: Float32Array;
  backgroundSpread: Float32Array;
}

export interface Matte {
  /** One byte per pixel at the working size. */
  alpha: Uint8Array;
  width: number;
  height: number;
  edgeColours: EdgeColours;
  /** The guided-filter refinement of the coarse mask (0–1) at the coarse mask's size. */
  prior: Float32Array;
}

/** Trimap values. */
export const TRIMAP = { background: 0, unknown: 128, foreground: 255 } as const;

/** Half-width of the unknown band, in mask pixels (about 1 % of the long side). */
export function bandRadius(width: number, height: number): number {
  return Math.max(2, Math.round(Math.max(width, height) / 96));
}

/**
 * Today's refinement, kept as the prior away from the edge: a guided filter on luminance that
 * snaps the coarse mask to the photo's edges, then a smoothstep that removes faint haze.
 * Values 0–1 at the size of `guide`.
 */
export function refineCoarse(guide: RgbImage, coarse: Uint8Array): Float32Array {
  const { width, height } = guide;
  const lum = luminance(guide.data);
  const g = new Float32Array(lum.length);
  const p = new Float32Array(lum.length);
  for (let i = 0; i < lum.length; i++) {
    g[i] = lum[i]! / 255;
    p[i] = coarse[i]! / 255;
  }
  const radius = Math.max(2, Math.round(Math.max(width, height) / 160));
  const refined = guidedFilter(g, p, width, height, radius, 2e-3);
  for (let i = 0; i < refined.length; i++) {
    const t = Math.min(1, Math.max(0, (refined[i]! - 0.2) / 0.6));
    refined[i] = t * t * (3 - 2 * t);
  }
  return refined;
}

/**
 * Background / unknown / foreground from a coarse mask (0–255): eroded by `inner`, dilated by
 * `outer`.
 */
export function trimapFromCoarse(
  coarse: Uint8Array,
  width: number,
  height: number,
  outer: number,
  inner = outer,
): Uint8Array {
  const solid = new Uint8Array(coarse.length);
  for (let i = 0; i < coarse.length; i++) solid[i] = coarse[i]! > 127 ? 1 : 0;
  const sure = morph(solid, width, height, inner, 'erode');
  const reach = morph(solid, width, height, outer, 'dilate');
  const trimap = new Uint8Array(coarse.length);
  for (let i = 0; i < trimap.length; i++) {
    trimap[i] = sure[i] ? TRIMAP.foreground : reach[i] ? TRIMAP.unknown : TRIMAP.background;
  }
  return trimap;
}

/**
 * Mean colour of the sure person (and of the sure background) around every pixel, within
 * `radius`, then twice and four times as far where there is none that close; the overall mean
 * where there is none at all. Computed on a grid `pool` times coarser than `image` (means are
 * smooth; this keeps it cheap, and the stored map small). Only the unknown band's are used.
 */
export function localColourMeans(
  image: RgbImage,
  trimap: Uint8Array,
  radius: number,
  pool = 1,
): LocalColours {
  const { width, height, data } = image;
  const cw = Math.ceil(width / pool);
  const ch = Math.ceil(height / pool);
  const n = cw * ch;
  const band = new Uint8Array(n);
  // Per side: the sums of red, green, blue and of their squares.
  const planes = () => [0, 1, 2, 3].map(() => new Float32Array(n));
  const sums = { [TRIMAP.foreground]: planes(), [TRIMAP.background]: planes() };
  const counts = {
    [TRIMAP.foreground]: new Float32Array(n),
    [TRIMAP.background]: new Float32Array(n),
  };
  for (let y = 0; y < height; y++) {
    const cy = Math.floor(y / pool);
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const cell = cy * cw + Math.floor(x / pool);
      const t = trimap[i]!;
      if (t === TRIMAP.unknown) {
        band[cell] = 1;
        continue;
      }
      const r = data[i * 3]!;
      const g = data[i * 3 + 1]!;
      const b = data[i * 3 + 2]!;
      const s = sums[t as 0 | 255];
      s[0]![cell] += r;
      s[1]![cell] += g;
      s[2]![cell] += b;
      s[3]![cell] += r * r + g * g + b * b;
      counts[t as 0 | 255][cell] += 1;
    }
  }
  const r0 = Math.max(1, Math.round(radius / pool));
  const mean = (want: 0 | 255): { colour: Uint8Array; spread: Float32Array } => {
    const out = new Uint8Array(n * 3);
    const spread = new Float32Array(n);
    const weight = counts[want];
    const channels = sums[want];
    const total = [0, 0, 0];
    let count = 0;
    for (let i = 0; i < n; i++) {
      count += weight[i]!;
      for (let c = 0; c < 3; c++) total[c]! += channels[c]![i]!;
    }
    // Every cell gets a mean (smooth, so the stored map stays small), but only the band's are
    // used: the wider searches run while one of those is missing.
    const missing = new Uint8Array(n).fill(1);
    let left = 0;
    for (let i = 0; i < n; i++) left += band[i]!;
    for (const r of [r0, r0 * 2, r0 * 4]) {
      if (left === 0 || count === 0) break;
      const w = boxBlur(weight, cw, ch, r);
      const m = channels.map((plane) => boxBlur(plane, cw, ch, r));
      // A handful of samples is enough for a mean; fewer are noise.
      const enough = 3 / (2 * r + 1) ** 2;
      for (let i = 0; i < n; i++) {
        if (!missing[i] || w[i]! < enough) continue;
        missing[i] = 0;
        left -= band[i]!;
        let sq = 0;
        for (let c = 0; c < 3; c++) {
          const v = m[c]![i]! / w[i]!;
          out[i * 3 + c] = Math.round(v);
          sq += v * v;
        }
        spread[i] = Math.max(0, m[3]![i]! / w[i]! - sq);
      }
    }
    for (let i = 0; i < n; i++) {
      if (!missing[i]) continue;
      for (let c = 0; c < 3; c++) out[i * 3 + c] = count > 0 ? Math.round(total[c]! / count) : 128;
      // No close samples: the mean is a guess, so it is not trusted.
      spread[i] = 255 * 255;
    }
    return { colour: out, spread };
  };
  const fg = mean(TRIMAP.foreground);
  const bg = mean(TRIMAP.background);
  return {
    foreground: fg.colour,
    background: bg.colour,
    foregroundSpread: fg.spread,
    backgroundSpread: bg.spread,
    width: cw,
    height: ch,
  };
}

/**
 * localColourMeans over the part of the image around `region` (grown by `margin`), laid into a
 * grid of the whole image; outside it the grid holds grey and no spread is measured (unused).
 */
function localColourMeansWithin(
  image: RgbImage,
  trimap: Uint8Array,
  radius: number,
  pool: number,
  region: Region,
  margin: number,
): LocalColours {
  const { width, height } = image;
  const cw = Math.ceil(width / pool);
  const ch = Math.ceil(height / pool);
  // The window, on cell boundaries so its cells are the whole grid's cells.
  const snap = (v: number, max: number) => Math.max(0, Math.min(max, Math.floor(v / pool) * pool));
  const x0 = snap(region.x - margin, width);
  const y0 = snap(region.y - margin, height);
  const x1 = Math.min(width, snap(region.x + region.width + margin, width) + pool);
  const y1 = Math.min(height, snap(region.y + region.height + margin, height) + pool);
  const full: LocalColours = {
    foreground: new Uint8Array(cw * ch * 3).fill(128),
    background: new Uint8Array(cw * ch * 3).fill(128),
    foregroundSpread: new Float32Array(cw * ch).fill(255 * 255),
    backgroundSpread: new Float32Array(cw * ch).fill(255 * 255),
    width: cw,
    height: ch,
  };
  if (x1 - x0 < 2 || y1 - y0 < 2) return full;
  const ww = x1 - x0;
  const wh = y1 - y0;
  const part = new Uint8Array(ww * wh * 3);
  const partTrimap = new Uint8Array(ww * wh);
  for (let y = 0; y < wh; y++) {
    const from = (y0 + y) * width + x0;
    part.set(image.data.subarray(from * 3, (from + ww) * 3), y * ww * 3);
    partTrimap.set(trimap.subarray(from, from + ww), y * ww);
  }
  const local = localColourMeans({ data: part, width: ww, height: wh }, partTrimap, radius, pool);
  const cx0 = x0 / pool;
  const cy0 = y0 / pool;
  for (let y = 0; y < local.height && cy0 + y < ch; y++) {
    for (let x = 0; x < local.width && cx0 + x < cw; x++) {
      const to = (cy0 + y) * cw + cx0 + x;
      const at = y * local.width + x;
      full.foreground.set(local.foreground.subarray(at * 3, at * 3 + 3), to * 3);
      full.background.set(local.background.subarray(at * 3, at * 3 + 3), to * 3);
      full.foregroundSpread[to] = local.foregroundSpread[at]!;
      full.backgroundSpread[to] = local.backgroundSpread[at]!;
    }
  }
  return full;
}

/** Colour distance (0–255 units) at which the two means are trusted halfway. */
const SEPARATION = 40;
/** Distance from the colour line (0–255 units) at which a pixel's own alpha is distrusted. */
const MISFIT = 28;
/**
 * How much the colours' own variation counts against their separation: a side made of several
 * colours (a dark collar on an orange suit) has a mean that explains none of them.
 */
const SPREAD = 4;
/** Colour noise (0–255, per channel) of a plain background in a phone photo. */
const BACKGROUND_NOISE = 12;

/**
 * The alpha of one pixel of colour (r, g, b) between the person colour `f` and the background
 * colour `b`, and how much to trust it (0–1): little when the two are close, when the colours
 * on either side vary a lot around them (`spread`, the sum of both sides' variances), or when
 * the pixel is far from the line between them.
 */
export function alphaOnColourLine(
  pixel: readonly [number, number, number],
  f: readonly [number, number, number],
  b: readonly [number, number, number],
  spread = 0,
  // The answer is written here (the matte calls this for every edge pixel: no allocation).
  out = { alpha: 0, trust: 0 },
): { alpha: number; trust: number } {
  const d0 = f[0] - b[0];
  const d1 = f[1] - b[1];
  const d2 = f[2] - b[2];
  const dd = d0 * d0 + d1 * d1 + d2 * d2;
  if (dd < 1) {
    out.alpha = 0.5;
    out.trust = 0;
    return out;
  }
  const p0 = pixel[0] - b[0];
  const p1 = pixel[1] - b[1];
  const p2 = pixel[2] - b[2];
  const alpha = Math.min(1, Math.max(0, (p0 * d0 + p1 * d1 + p2 * d2) / dd));
  const e0 = p0 - alpha * d0;
  const e1 = p1 - alpha * d1;
  const e2 = p2 - alpha * d2;
  const misfit = e0 * e0 + e1 * e1 + e2 * e2;
  const separation = dd / (dd + SEPARATION * SEPARATION + SPREAD * spread);
  out.alpha = alpha;
  out.trust = separation * Math.exp(-misfit / (MISFIT * MISFIT));
  return out;
}

/** Bilinear sampling positions of a `to`-long axis on a `from`-long grid of the same extent. */
function axis(to: number, from: number): { i0: Int32Array; i1: Int32Array; t: Float32Array } {
  const i0 = new Int32Array(to);
  const i1 = new Int32Array(to);
  const t = new Float32Array(to);
  const f = from / to;
  for (let x = 0; x < to; x++) {
    const s = Math.min(from - 1, Math.max(0, (x + 0.5) * f - 0.5));
    i0[x] = Math.floor(s);
    i1[x] = Math.min(from - 1, i0[x]! + 1);
    t[x] = s - i0[x]!;
  }
  return { i0, i1, t };
}

/**
 * 1 inside `region`, falling to 0 over an eighth of its height outside it (all 1 without one),
 * on a width × height grid laid over a sw × sh mask.
 */
export function regionWeight(
  width: number,
  height: number,
  sw: number,
  sh: number,
  region?: Region,
): Float32Array {
  const out = new Float32Array(width * height).fill(1);
  if (!region) return out;
  const feather = Math.max(1, region.height / 8);
  for (let y = 0; y < height; y++) {
    const my = ((y + 0.5) * sh) / height;
    const dy = Math.max(0, region.y - my, my - (region.y + region.height));
    for (let x = 0; x < width; x++) {
      const mx = ((x + 0.5) * sw) / width;
      const dx = Math.max(0, region.x - mx, mx - (region.x + region.width));
      out[y * width + x] =
        dx === 0 && dy === 0 ? 1 : Math.max(0, 1 - Math.sqrt(dx * dx + dy * dy) / feather);
    }
  }
  return out;
}

/**
 * The matte at the size of `image`, from the coarse person mask at the size of `small` (the same
 * photo, smaller). The colour-line refinement is confined to `hair` (the head and what hair
 * surrounds it, in mask pixels): elsewhere (clothes, shoulders) edges are opaque and colour alone
 * mistakes an edge colour close to the background's (a pale collar) for transparency.
 */
export function computeMatte(
  image: RgbImage,
  small: RgbImage,
  coarse: Uint8Array,
  hair?: Region,
): Matte {
  const { width: sw, height: sh } = small;
  const r = bandRadius(sw, sh);
  const prior = refineCoarse(small, coarse);
  const trimap = trimapFromCoarse(coarse, sw, sh, r);
  const pool = Math.max(1, Math.round(Math.max(sw, sh) / 384));
  // Colours are only needed where the edge is refined: around the hair (and a search radius).
  const edgeColours = hair
    ? localColourMeansWithin(small, trimap, 2 * r, pool, hair, 8 * r + hair.height / 8)
    : localColourMeans(small, trimap, 2 * r, pool);
  const { foreground: fgm, background: bgm, width: ew, height: eh } = edgeColours;
  const backgroundSpread = edgeColours.backgroundSpread;
  const spread = new Float32Array(ew * eh);
  for (let i = 0; i < spread.length; i++) {
    spread[i] = edgeColours.foregroundSpread[i]! + edgeColours.backgroundSpread[i]!;
  }
  // How much of the band a pixel is in, softened so its border leaves no step.
  const band = new Float32Array(sw * sh);
  for (let i = 0; i < band.length; i++) band[i] = trimap[i] === TRIMAP.unknown ? 1 : 0;
  const inBand = boxBlur(band, sw, sh, 1);
  const around = regionWeight(sw, sh, sw, sh, hair);
  for (let i = 0; i < inBand.length; i++) {
    // Running sums leave crumbs (1e-17) where the band ends: those are outside it.
    const u = inBand[i]! * around[i]!;
    inBand[i] = u < 1e-3 ? 0 : u;
  }
  const weight = toBytes(regionWeight(ew, eh, sw, sh, hair));

  const { width, height, data } = image;
  const alpha = new Uint8Array(width * height);
  const [sx, sy, ex, ey] = [axis(width, sw), axis(height, sh), axis(width, ew), axis(height, eh)];
  const pixel: [number, number, number] = [0, 0, 0];
  const fit = { alpha: 0, trust: 0 };
  const f: [number, number, number] = [0, 0, 0];
  const b: [number, number, number] = [0, 0, 0];
  // Where a mask cell and its right and lower neighbours are all plainly person or background
  // (most of the photo), the pixels between them are that too: no sampling needed.
  const plain = new Int16Array(sw);
  // The working-size columns that sample each mask column first: [spans[x0], spans[x0 + 1]).
  const spans = new Int32Array(sw + 1).fill(width);
  for (let x = width - 1; x >= 0; x--) spans[sx.i0[x]!] = x;
  for (let x0 = sw - 1; x0 >= 0; x0--) spans[x0] = Math.min(spans[x0]!, spans[x0 + 1]!);
  for (let y = 0; y < height; y++) {
    const r0 = sy.i0[y]! * sw;
    const r1 = sy.i1[y]! * sw;
    const ty = sy.t[y]!;
    for (let x0 = 0; x0 < sw; x0++) {
      const x1 = Math.min(sw - 1, x0 + 1);
      const v = prior[r0 + x0]!;
      const same =
        (v === 0 || v === 1) &&
        prior[r0 + x1] === v &&
        prior[r1 + x0] === v &&
        prior[r1 + x1] === v &&
        inBand[r0 + x0] === 0 &&
        inBand[r0 + x1] === 0 &&
        inBand[r1 + x0] === 0 &&
        inBand[r1 + x1] === 0;
      plain[x0] = same ? v * 255 : -1;
    }
    for (let x0 = 0; x0 < sw; x0++) {
      const from = spans[x0]!;
      const to = spans[x0 + 1]!;
      if (plain[x0]! >= 0) {
        alpha.fill(plain[x0]!, y * width + from, y * width + to);
        continue;
      }
      for (let x = from; x < to; x++) {
        const x1 = sx.i1[x]!;
        const tx = sx.t[x]!;
        const p =
          (prior[r0 + x0]! * (1 - tx) + prior[r0 + x1]! * tx) * (1 - ty) +
          (prior[r1 + x0]! * (1 - tx) + prior[r1 + x1]! * tx) * ty;
        const u =
          (inBand[r0 + x0]! * (1 - tx) + inBand[r0 + x1]! * tx) * (1 - ty) +
          (inBand[r1 + x0]! * (1 - tx) + inBand[r1 + x1]! * tx) * ty;
        let a = p;
        if (u > 0) {
          const o = (y * width + x) * 3;
          const row0 = ey.i0[y]! * ew;
          const row1 = ey.i1[y]! * ew;
          const e00 = (row0 + ex.i0[x]!) * 3;
          const e01 = (row0 + ex.i1[x]!) * 3;
          const e10 = (row1 + ex.i0[x]!) * 3;
          const e11 = (row1 + ex.i1[x]!) * 3;
          const etx = ex.t[x]!;
          const ety = ey.t[y]!;
          const w00 = (1 - etx) * (1 - ety);
          const w01 = etx * (1 - ety);
          const w10 = (1 - etx) * ety;
          const w11 = etx * ety;
          let fromBackground = 0;
          for (let c = 0; c < 3; c++) {
            pixel[c] = data[o + c]!;
            f[c] =
              fgm[e00 + c]! * w00 + fgm[e01 + c]! * w01 + fgm[e10 + c]! * w10 + fgm[e11 + c]! * w11;
            b[c] =
              bgm[e00 + c]! * w00 + bgm[e01 + c]! * w01 + bgm[e10 + c]! * w10 + bgm[e11 + c]! * w11;
            fromBackground += (pixel[c] - b[c]) ** 2;
          }
          const near = (ety < 0.5 ? row0 : row1) + (etx < 0.5 ? ex.i0[x]! : ex.i1[x]!);
          const line = alphaOnColourLine(pixel, f, b, spread[near], fit);
          // Where the colours cannot decide, a pixel that looks just like the background next to
          // it is background: the prior's soft tail would otherwise leave a haze around the body.
          const looksLikeBackground = Math.exp(
            -fromBackground / (2 * backgroundSpread[near]! + 3 * BACKGROUND_NOISE ** 2),
          );
          const banded = line.trust * line.alpha + (1 - line.trust) * p * (1 - looksLikeBackground);
          a = u * banded + (1 - u) * p;
        }
        alpha[y * width + x] = Math.round(a * 255);
      }
    }
  }
  return {
    alpha,
    width,
    height,
    edgeColours: { foreground: fgm, background: bgm, weight, width: ew, height: eh },
    prior,
  };
}

/**
 * Where an image pixel's centre (x, y) falls on the edge-colour grid, in grid cells (cell
 * centres at whole numbers): gx = ax·x + bx·y + cx, gy = ay·x + by·y + cy. A crop of a rotated,
 * scaled photo maps onto the grid this way.
 */
export interface GridMapping {
  ax: number;
  bx: number;
  cx: number;
  ay: number;
  by: number;
  cy: number;
}

/** The mapping of an image onto a grid laid over the same extent. */
export function alignedGrid(width: number, height: number, ew: number, eh: number): GridMapping {
  const kx = ew / width;
  const ky = eh / height;
  return { ax: kx, bx: 0, cx: 0.5 * kx - 0.5, ay: 0, by: ky, cy: 0.5 * ky - 0.5 };
}

/**
 * The person's own colour at edge pixels, without the old background mixed in: one step of
 * blur fusion, F = F̂ + α(I − αF̂ − (1 − α)B̂), with F̂ and B̂ the local means of `edges` (a small
 * grid, sampled bilinearly where `toGrid` puts each pixel; by default laid over the same extent
 * as `image`), mixed in by the grid's weight. Opaque and fully transparent pixels are returned
 * as they are.
 */
export function decontaminate(
  image: RgbImage,
  alpha: Float32Array,
  edges: EdgeColours,
  toGrid: GridMapping = alignedGrid(image.width, image.height, edges.width, edges.height),
): Uint8Array {
  const { data, width, height } = image;
  const { foreground: fgm, background: bgm, weight, width: ew, height: eh } = edges;
  const out = Uint8Array.from(data);
  const m = toGrid;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const a = alpha[i]!;
      if (a <= 0.002 || a >= 0.998) continue;
      const gx = Math.min(ew - 1, Math.max(0, m.ax * x + m.bx * y + m.cx));
      const gy = Math.min(eh - 1, Math.max(0, m.ay * x + m.by * y + m.cy));
      const x0 = Math.floor(gx);
      const y0 = Math.floor(gy);
      const tx = gx - x0;
      const ty = gy - y0;
      const x1 = Math.min(ew - 1, x0 + 1);
      const row0 = y0 * ew;
      const row1 = Math.min(eh - 1, y0 + 1) * ew;
      const c00 = row0 + x0;
      const c01 = row0 + x1;
      const c10 = row1 + x0;
      const c11 = row1 + x1;
      const w00 = (1 - tx) * (1 - ty);
      const w01 = tx * (1 - ty);
      const w10 = (1 - tx) * ty;
      const w11 = tx * ty;
      const w =
        (weight[c00]! * w00 + weight[c01]! * w01 + weight[c10]! * w10 + weight[c11]! * w11) / 255;
      if (w <= 0) continue;
      for (let c = 0; c < 3; c++) {
        const fh =
          fgm[c00 * 3 + c]! * w00 +
          fgm[c01 * 3 + c]! * w01 +
          fgm[c10 * 3 + c]! * w10 +
          fgm[c11 * 3 + c]! * w11;
        const bh =
          bgm[c00 * 3 + c]! * w00 +
          bgm[c01 * 3 + c]! * w01 +
          bgm[c10 * 3 + c]! * w10 +
          bgm[c11 * 3 + c]! * w11;
        const v0 = data[i * 3 + c]!;
        const f = fh + a * (v0 - a * fh - (1 - a) * bh);
        const v = v0 + w * (f - v0);
        out[i * 3 + c] = v <= 0 ? 0 : v >= 255 ? 255 : v + 0.5;
      }
    }
  }
  return out;
}
