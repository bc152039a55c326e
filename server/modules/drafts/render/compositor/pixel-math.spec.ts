import { blend, boxMean, guidedFilter, laplacianVariance, percentile } from './pixel-math';

describe('pixel math', () => {
  it('box mean of a constant image is that constant, edges included', () => {
    const out = boxMean(new Float32Array(20).fill(3), 5, 4, 2);
    expect([...out].every((v) => Math.abs(v - 3) < 1e-6)).toBe(true);
  });

  it('guided filter snaps a blurry mask edge to the guide edge', () => {
    // Guide: left half dark, right half bright. Mask: a soft ramp across the middle.
    const width = 40;
    const height = 10;
    const guide = new Float32Array(width * height);
    const mask = new Float32Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        guide[y * width + x] = x < 20 ? 0.1 : 0.9;
        mask[y * width + x] = Math.min(1, Math.max(0, (x - 12) / 16));
      }
    }
    const out = guidedFilter(guide, mask, width, height, 4, 1e-4);
    expect(out[5 * width + 16]!).toBeLessThan(mask[5 * width + 16]!);
    expect(out[5 * width + 23]!).toBeGreaterThan(mask[5 * width + 23]!);
  });

  it('Laplacian variance is higher for a sharp edge than for a soft one', () => {
    const sharp = new Float32Array(100).map((_, i) => (i % 10 < 5 ? 0 : 255));
    const soft = new Float32Array(100).map((_, i) => (i % 10) * 25);
    expect(laplacianVariance(sharp, 10, 10)).toBeGreaterThan(laplacianVariance(soft, 10, 10));
  });

  it('percentile and blend', () => {
    expect(percentile(Float32Array.from([5, 1, 4, 2, 3]), 0.5)).toBe(3);
    const out = blend(
      Uint8Array.from([0, 0, 0]),
      Uint8Array.from([200, 100, 50]),
      Float32Array.from([0.5]),
    );
    expect([...out]).toEqual([100, 50, 25]);
  });

  it('blends in place into either image, the same as into a new one', () => {
    const a = Uint8Array.from([0, 0, 0, 10, 20, 30, 200, 200, 200]);
    const b = Uint8Array.from([200, 100, 50, 90, 80, 70, 0, 0, 0]);
    const alpha = Float32Array.from([0.5, 0, 1]);
    const expected = [...blend(a, b, alpha)];
    const intoA = a.slice();
    expect(blend(intoA, b, alpha, 3, 1, intoA)).toBe(intoA);
    expect([...intoA]).toEqual(expected);
    const intoB = b.slice();
    expect(blend(a, intoB, alpha, 3, 1, intoB)).toBe(intoB);
    expect([...intoB]).toEqual(expected);
  });
});
