import sharp from 'sharp';
import type { EyeLandmarks } from '../domain/face-geometry';
import { regionRgb } from './compositor/draft-compositor';
import { faceRegion, irisesInWorkingCopy } from './draft-pipeline';

/**
 * Two eyes `eyeWidth` px wide on a `size` px photo, both looking a fifth of the eye's width to
 * the image right; the landmarks' own iris sits in the middle of each eye (as a mesh that missed
 * the glance would place it).
 */
async function twoEyesGlancingRight(size: { width: number; height: number }, eyeWidth: number) {
  const { width, height } = size;
  const data = new Uint8Array(width * height * 3).fill(175);
  const centres = [0.42, 0.58].map((fx) => ({ x: width * fx, y: height * 0.4 }));
  const half = eyeWidth / 2;
  const lidHeight = eyeWidth * 0.18;
  for (const c of centres) {
    const iris = { x: c.x + eyeWidth * 0.2, y: c.y };
    for (let y = Math.floor(c.y - lidHeight); y <= c.y + lidHeight; y++) {
      for (let x = Math.floor(c.x - half); x <= c.x + half; x++) {
        const u = (x - c.x) / half;
        if (Math.abs(u) >= 1 || Math.abs(y - c.y) >= lidHeight * (1 - u * u)) continue;
        const value = Math.hypot(x - iris.x, y - iris.y) < eyeWidth * 0.2 ? 45 : 235;
        data.fill(value, (y * width + x) * 3, (y * width + x) * 3 + 3);
      }
    }
  }
  const eye = (c: { x: number; y: number }): EyeLandmarks => {
    const lid = (sign: number) =>
      [-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75].map((u) => ({
        x: c.x + u * half,
        y: c.y + sign * lidHeight * (1 - u * u),
      }));
    return {
      outer: { x: c.x - half, y: c.y },
      inner: { x: c.x + half, y: c.y },
      iris: { ...c },
      upperLid: lid(-1),
      lowerLid: lid(1),
    };
  };
  const jpeg = await sharp(Buffer.from(data), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
  const face = {
    box: { x: width * 0.35, y: height * 0.25, width: width * 0.3, height: height * 0.45 },
    rightEye: eye(centres[0]!),
    leftEye: eye(centres[1]!),
  };
  // As the pipeline reads it: the decoded region around the face.
  return { pixels: await regionRgb(jpeg, faceRegion(face)), face };
}

describe(irisesInWorkingCopy.name, () => {
  it("finds a glance in a large photo's pixels where the models' small copy has too few", async () => {
    // A half-length 12 MP portrait's working copy: eyes 64 px wide, 19 px in the 768 px copy.
    const { pixels, face } = await twoEyesGlancingRight({ width: 2560, height: 1920 }, 64);
    const irises = irisesInWorkingCopy(pixels, face);
    expect(irises.horizontal).toBeGreaterThan(0.15);
    expect(irises.horizontal).toBeLessThan(0.25);
    expect(Math.abs(irises.vertical)).toBeLessThan(0.05);
  });

  it('keeps the landmarks’ iris for eyes too small to search', async () => {
    const { pixels, face } = await twoEyesGlancingRight({ width: 768, height: 576 }, 16);
    expect(irisesInWorkingCopy(pixels, face).horizontal).toBeCloseTo(0, 5);
  });
});
