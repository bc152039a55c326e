import sharp from 'sharp';
import { cropStraightened } from './straighten';
import type { RenderFrame } from './compositor-types';

/**
 * A crop renders the same pixels whether its source was decoded and kept (previews) or read
 * straight from the stored file (HD images): only where the memory goes differs.
 */
describe('straightened crop', () => {
  const size = { width: 400, height: 300 };
  // Tilted 12° and reaching past the photo's left and bottom edges, so the edges continue and
  // the rotation shows: every step of the crop runs.
  const frame: RenderFrame = {
    angle: 12,
    pivot: { x: 200, y: 120 },
    rect: { x: -40, y: 20, width: 260, height: 320 },
    bodyTop: 180,
  };
  let photo: Buffer;
  let matte: Buffer;

  beforeAll(async () => {
    // A photo with structure in every direction, and a matte with a soft-edged blob.
    const rgb = Buffer.alloc(size.width * size.height * 3);
    const grey = Buffer.alloc(size.width * size.height);
    for (let y = 0; y < size.height; y++) {
      for (let x = 0; x < size.width; x++) {
        const i = y * size.width + x;
        rgb[i * 3] = (x * 5) % 256;
        rgb[i * 3 + 1] = (y * 7) % 256;
        rgb[i * 3 + 2] = ((x + y) * 3) % 256;
        const d = Math.hypot(x - 150, y - 200) - 90;
        grey[i] = Math.round(255 * Math.min(1, Math.max(0, 0.5 - d / 12)));
      }
    }
    photo = await sharp(rgb, { raw: { ...size, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer();
    matte = await sharp(grey, { raw: { ...size, channels: 1 } })
      .png()
      .toBuffer();
  });

  it.each([
    ['photo', 3],
    ['matte', 1],
  ] as const)('of the %s is the same kept or read straight from the file', async (_, channels) => {
    const input = channels === 3 ? photo : matte;
    const crop = (keep: boolean) =>
      cropStraightened(input, size, frame, 208, 256, channels, 1, keep);
    const kept = await crop(true);
    const streamed = await crop(false);
    expect(streamed.length).toBe(208 * 256 * channels);
    expect(Buffer.from(streamed).equals(Buffer.from(kept))).toBe(true);
  });
});
