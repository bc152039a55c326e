import { luminance } from './pixel-math';
import { relight, type RelightInput, rimMask } from './relight';

/**
 * A synthetic portrait: a mid-grey "person" (a disc of a head over a wide body block reaching
 * the bottom) on a dark background, with some fine texture on the skin.
 */
function aSubject(overrides: Partial<RelightInput> = {}): RelightInput {
  const width = 200;
  const height = 240;
  const image = new Uint8Array(width * height * 3);
  const alpha = new Float32Array(width * height);
  const face = { cx: 100, cy: 90, rx: 38, ry: 48 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const inFace = ((x - face.cx) / face.rx) ** 2 + ((y - face.cy) / face.ry) ** 2 <= 1;
      const inBody = y >= 150 && x >= 30 && x < 170;
      const texture = ((x * 7 + y * 13) % 5) * 3;
      const skin = inFace || inBody;
      alpha[i] = skin ? 1 : 0;
      image[i * 3] = skin ? 160 + texture : 40;
      image[i * 3 + 1] = skin ? 130 + texture : 40;
      image[i * 3 + 2] = skin ? 110 + texture : 40;
    }
  }
  return { image, alpha, width, height, face, backdrop: [60, 80, 120], strength: 1, ...overrides };
}

const meanLum = (rgb: Uint8Array, width: number, pick: (x: number, y: number) => boolean) => {
  const lum = luminance(rgb);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < lum.length; i++) {
    if (pick(i % width, Math.floor(i / width))) {
      sum += lum[i]!;
      n += 1;
    }
  }
  return sum / n;
};

describe(relight.name, () => {
  it('at strength 0 leaves every pixel as it was', () => {
    const input = aSubject({ strength: 0 });
    expect(Buffer.from(relight(input)).equals(Buffer.from(input.image))).toBe(true);
  });

  it('the side toward the key light gets brighter than the other side of the face', () => {
    const input = aSubject();
    const out = relight(input);
    const inFace = (x: number, y: number) => ((x - 100) / 38) ** 2 + ((y - 90) / 48) ** 2 <= 0.8;
    const lit = meanLum(out, 200, (x, y) => inFace(x, y) && x < 85);
    const shaded = meanLum(out, 200, (x, y) => inFace(x, y) && x > 115);
    const litBefore = meanLum(input.image, 200, (x, y) => inFace(x, y) && x < 85);
    const shadedBefore = meanLum(input.image, 200, (x, y) => inFace(x, y) && x > 115);
    expect(lit - shaded).toBeGreaterThan(8 + (litBefore - shadedBefore));
  });

  it('keeps the mean brightness of the face within 8 %', () => {
    const input = aSubject();
    const inFace = (x: number, y: number) => ((x - 100) / 38) ** 2 + ((y - 90) / 48) ** 2 <= 1;
    const before = meanLum(input.image, 200, inFace);
    const after = meanLum(relight(input), 200, inFace);
    expect(Math.abs(after - before) / before).toBeLessThan(0.08);
  });

  it('never touches the background and never moves detail (tone only, no warps)', () => {
    const input = aSubject();
    const out = relight(input);
    let touched = 0;
    for (let i = 0; i < input.alpha.length; i++) {
      if (input.alpha[i] === 0 && out[i * 3] !== input.image[i * 3]) touched += 1;
    }
    expect(touched).toBe(0);
    // The skin texture's pattern survives: neighbouring differences keep their sign.
    const lumIn = luminance(input.image);
    const lumOut = luminance(out);
    let kept = 0;
    let total = 0;
    for (let y = 60; y < 120; y++) {
      for (let x = 80; x < 120; x++) {
        const i = y * 200 + x;
        const d0 = lumIn[i + 1]! - lumIn[i]!;
        if (Math.abs(d0) < 4) continue;
        total += 1;
        if (Math.sign(lumOut[i + 1]! - lumOut[i]!) === Math.sign(d0)) kept += 1;
      }
    }
    expect(kept / total).toBeGreaterThan(0.97);
  });

  it('harmonises toward the backdrop: a blue backdrop cools the shadows of the subject', () => {
    const warm = relight(aSubject({ backdrop: [200, 120, 60] }));
    const cool = relight(aSubject({ backdrop: [60, 80, 200] }));
    const i = (150 + 20) * 200 + 100; // on the body
    expect(cool[i * 3 + 2]! - cool[i * 3]!).toBeGreaterThan(warm[i * 3 + 2]! - warm[i * 3]!);
  });
});

describe(rimMask.name, () => {
  it('lights only a thin band just inside the matte edge', () => {
    const { alpha, width, height } = aSubject();
    const rim = rimMask(alpha, width, height, 3);
    // Face centre (deep inside), the background, and the frame's own bottom edge stay dark.
    expect(rim[90 * width + 100]).toBe(0);
    expect(rim[10 * width + 10]).toBe(0);
    expect(rim[(height - 1) * width + 100]).toBe(0);
    // Just inside the head's outline (its left side) the rim is lit.
    expect(rim[90 * width + 63]).toBeGreaterThan(0.2);
    for (let i = 0; i < rim.length; i++) {
      if (rim[i]! > 0) {
        const x = i % width;
        const y = Math.floor(i / width);
        let nearEdge = false;
        for (let dy = -4; dy <= 4 && !nearEdge; dy++)
          for (let dx = -4; dx <= 4 && !nearEdge; dx++) {
            const xx = Math.min(width - 1, Math.max(0, x + dx));
            const yy = Math.min(height - 1, Math.max(0, y + dy));
            if (alpha[yy * width + xx] === 0) nearEdge = true;
          }
        expect(nearEdge).toBe(true);
      }
    }
  });
});
