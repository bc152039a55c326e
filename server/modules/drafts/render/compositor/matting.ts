import { morph } from './subject-isolation';
import { boxBlur } from './box-filter';
import { guidedFilter, luminance, toBytes } from './pixel-math';
import { localColourMeans, localColourMeansWithin } from './local-colours';
import { type Matte, type Region, type RgbImage, TRIMAP } from './matting-types';

export * from './matting-types';
export { localColourMeans } from './local-colours';
export { alignedGrid, decontaminate, type GridMapping } from './decontaminate';

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
