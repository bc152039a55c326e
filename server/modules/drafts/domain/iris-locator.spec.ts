import type { EyeLandmarks } from './face-geometry';
import { locateIris, type RgbPixels, withIrisFromPixels } from './iris-locator';

/**
 * A synthetic eye: skin-coloured image, a white almond between the lids `width` px wide centred
 * at (100, 60), a dark iris of 0.4 × width across at `iris`, and a mesh iris placed at `meshIris`.
 */
function anEyePhoto(width: number, iris: { x: number; y: number }) {
  const image: RgbPixels = { data: new Uint8Array(200 * 120 * 3), width: 200, height: 120 };
  const half = width / 2;
  const lidHeight = width * 0.18;
  for (let y = 0; y < 120; y++) {
    for (let x = 0; x < 200; x++) {
      const u = (x - 100) / half;
      const between = Math.abs(u) < 1 && Math.abs(y - 60) < lidHeight * (1 - u * u);
      const inIris = Math.hypot(x - iris.x, y - iris.y) < width * 0.2;
      const value = between ? (inIris ? 45 : 235) : 175;
      image.data.set([value, value, value], (y * 200 + x) * 3);
    }
  }
  const lid = (sign: number) =>
    [-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75].map((u) => ({
      x: 100 + u * half,
      y: 60 + sign * lidHeight * (1 - u * u),
    }));
  const eye: EyeLandmarks = {
    outer: { x: 100 - half, y: 60 },
    inner: { x: 100 + half, y: 60 },
    iris: { x: 100, y: 60 },
    upperLid: lid(-1),
    lowerLid: lid(1),
  };
  return { image, eye };
}

describe(locateIris.name, () => {
  it.each([
    ['centred', { x: 100, y: 60 }],
    ['towards the inner corner', { x: 108, y: 60 }],
    ['towards the outer corner and a little down', { x: 91, y: 62 }],
  ])('finds an iris %s within a twentieth of the eye width', (_, iris) => {
    const { image, eye } = anEyePhoto(40, iris);
    const found = locateIris(image, eye)!;
    expect(Math.hypot(found.x - iris.x, found.y - iris.y)).toBeLessThan(40 / 20);
  });

  it('leaves eyes too small to search to the mesh', () => {
    const { image, eye } = anEyePhoto(14, { x: 103, y: 60 });
    expect(locateIris(image, eye)).toBeNull();
    expect(withIrisFromPixels(image, eye).iris).toEqual({ x: 100, y: 60 });
  });

  it('replaces a misplaced mesh iris with the one in the pixels', () => {
    const { image, eye } = anEyePhoto(40, { x: 108, y: 60 });
    expect(withIrisFromPixels(image, eye).iris.x).toBeCloseTo(108, -0.5);
  });
});
