import sharp from 'sharp';
import { grade } from './finishing';
import type { RenderLook } from './compositor-types';

/** The ambience is graded in place, as libvips would grade it (within a level of rounding). */
describe('grade', () => {
  const width = 64;
  const height = 48;
  const look: RenderLook = {
    backdrop: 'solid',
    backdropColor: '#808080',
    warmth: 0.6,
    brightness: 0.3,
    contrast: 0.4,
    monochrome: false,
    retouch: 0,
    relight: 0,
  };
  // Every 8-bit value in each channel, in different orders.
  const photo = Uint8Array.from({ length: width * height * 3 }, (_, i) =>
    i % 3 === 0 ? (i / 3) % 256 : i % 3 === 1 ? (255 - ((i * 7) % 256)) & 255 : (i * 13) % 256,
  );
  const raw = { raw: { width, height, channels: 3 as const } };
  const maxDifference = (a: Uint8Array, b: Uint8Array) =>
    a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i]!)), 0);

  it('warms, brightens and adds contrast per channel, in the image itself', async () => {
    const image = photo.slice();
    expect(grade(image, look)).toBe(image);
    const gain = 1 + 0.25 * look.brightness;
    const contrast = 1 + 0.45 * look.contrast;
    const warm = 0.07 * look.warmth;
    const slope = gain * contrast;
    const { data } = await sharp(Buffer.from(photo), raw)
      .linear(
        [slope * (1 + warm), slope, slope * (1 - warm)],
        [0, 0, 0].map(() => 128 * (1 - contrast)),
      )
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(maxDifference(image, data)).toBeLessThanOrEqual(1);
    // Warmer: red gains on blue for the same input.
    expect(image[3 * 100]! - photo[3 * 100]!).toBeGreaterThanOrEqual(0);
  });

  it('turns black and white as libvips does, one grey in every channel', async () => {
    const image = grade(photo.slice(), { ...look, monochrome: true });
    const { data } = await sharp(Buffer.from(photo), raw)
      .greyscale()
      .linear(
        (1 + 0.25 * look.brightness) * (1 + 0.45 * look.contrast),
        128 * (1 - (1 + 0.45 * look.contrast)),
      )
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (let i = 0; i < width * height; i++) {
      expect(image[i * 3 + 1]).toBe(image[i * 3]);
      expect(image[i * 3 + 2]).toBe(image[i * 3]);
    }
    const greys = image.filter((_, i) => i % 3 === 0);
    expect(maxDifference(greys, data)).toBeLessThanOrEqual(2);
  });
});
