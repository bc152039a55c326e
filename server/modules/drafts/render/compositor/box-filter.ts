/**
 * Mean over a (2r+1)² window clamped at the image's edges, as two running sums (rows, then
 * columns): the cost does not depend on r, and it is several times faster than a summed-area
 * table on the masks the matte works on. Pure, no I/O.
 */
export function boxBlur(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const rows = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let sum = 0;
    for (let x = 0; x <= Math.min(r, width - 1); x++) sum += src[row + x]!;
    for (let x = 0; x < width; x++) {
      const count = Math.min(width - 1, x + r) - Math.max(0, x - r) + 1;
      rows[row + x] = sum / count;
      if (x + r + 1 < width) sum += src[row + x + r + 1]!;
      if (x - r >= 0) sum -= src[row + x - r]!;
    }
  }
  const out = new Float32Array(width * height);
  const columns = new Float64Array(width);
  for (let y = 0; y <= Math.min(r, height - 1); y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) columns[x]! += rows[row + x]!;
  }
  for (let y = 0; y < height; y++) {
    const count = Math.min(height - 1, y + r) - Math.max(0, y - r) + 1;
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = columns[x]! / count;
    if (y + r + 1 < height) {
      const add = (y + r + 1) * width;
      for (let x = 0; x < width; x++) columns[x]! += rows[add + x]!;
    }
    if (y - r >= 0) {
      const drop = (y - r) * width;
      for (let x = 0; x < width; x++) columns[x]! -= rows[drop + x]!;
    }
  }
  return out;
}
