/** Small pixel operations on raw buffers, used by the draft compositor. Pure, no I/O. */

/** Mean over a (2r+1)² window, clamped at the edges, via a summed-area table. */
export function boxMean(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const stride = width + 1;
  const sat = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += src[y * width + x]!;
      sat[(y + 1) * stride + x + 1] = sat[y * stride + x + 1]! + row;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const sum =
        sat[y1 * stride + x1]! -
        sat[y0 * stride + x1]! -
        sat[y1 * stride + x0]! +
        sat[y0 * stride + x0]!;
      out[y * width + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/**
 * He et al.'s guided filter: smooths `mask` while making its edges follow the edges of `guide`
 * (both 0–1). Snaps a coarse segmentation to the real outline, and keeps wispy hair soft.
 */
export function guidedFilter(
  guide: Float32Array,
  mask: Float32Array,
  width: number,
  height: number,
  r: number,
  eps: number,
): Float32Array {
  const n = width * height;
  const meanI = boxMean(guide, width, height, r);
  const meanP = boxMean(mask, width, height, r);
  const ii = new Float32Array(n);
  const ip = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ii[i] = guide[i]! * guide[i]!;
    ip[i] = guide[i]! * mask[i]!;
  }
  const corrI = boxMean(ii, width, height, r);
  const corrIp = boxMean(ip, width, height, r);
  const a = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const varI = corrI[i]! - meanI[i]! * meanI[i]!;
    const covIp = corrIp[i]! - meanI[i]! * meanP[i]!;
    a[i] = covIp / (varI + eps);
    b[i] = meanP[i]! - a[i]! * meanI[i]!;
  }
  const meanA = boxMean(a, width, height, r);
  const meanB = boxMean(b, width, height, r);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.min(1, Math.max(0, meanA[i]! * guide[i]! + meanB[i]!));
  return out;
}

/** Luminance (Rec. 601) of interleaved RGB, 0–255. */
export function luminance(rgb: Uint8Array, channels = 3): Float32Array {
  const n = Math.floor(rgb.length / channels);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * channels;
    out[i] = 0.299 * rgb[o]! + 0.587 * rgb[o + 1]! + 0.114 * rgb[o + 2]!;
  }
  return out;
}

/**
 * Variance of the 4-neighbour Laplacian: a standard focus measure. With `weights`, only pixels
 * whose weight is over 0.5 count (e.g. the skin of the face).
 */
export function laplacianVariance(
  lum: Float32Array,
  width: number,
  height: number,
  weights?: Float32Array,
): number {
  let sum = 0;
  let sumSq = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (weights && weights[i]! <= 0.5) continue;
      const l = lum[i - 1]! + lum[i + 1]! + lum[i - width]! + lum[i + width]! - 4 * lum[i]!;
      sum += l;
      sumSq += l * l;
      count += 1;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sumSq / count - mean * mean;
}

/** The value below which `share` of the samples fall. */
export function percentile(values: Float32Array, share: number): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/**
 * out = a·(1−α) + b·α per pixel, α from a one-byte-per-pixel or float mask (0–1). `out` may be
 * `a` or `b` itself (each pixel is read before it is written): blending in place.
 */
export function blend(
  a: Uint8Array,
  b: Uint8Array,
  alpha: Float32Array,
  channels = 3,
  strength = 1,
  out: Uint8Array = new Uint8Array(a.length),
): Uint8Array {
  for (let i = 0; i < alpha.length; i++) {
    const t = alpha[i]! * strength;
    const o = i * channels;
    if (t <= 0) {
      for (let c = 0; c < channels; c++) out[o + c] = a[o + c]!;
    } else if (t >= 1) {
      for (let c = 0; c < channels; c++) out[o + c] = b[o + c]!;
    } else {
      // Uint8Array stores truncate; + 0.5 rounds (values stay within 0–255).
      for (let c = 0; c < channels; c++) out[o + c] = a[o + c]! + (b[o + c]! - a[o + c]!) * t + 0.5;
    }
  }
  return out;
}

/** 0–1 values as bytes (a loop: Uint8Array.from with a mapping function is far slower). */
export function toBytes(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(values[i]! * 255);
  return out;
}
