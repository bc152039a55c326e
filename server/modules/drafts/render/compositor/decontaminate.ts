import type { EdgeColours, RgbImage } from './matting-types';

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
