import { boxBlur } from './box-filter';
import { type LocalColours, type Region, type RgbImage, TRIMAP } from './matting-types';

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
export function localColourMeansWithin(
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
