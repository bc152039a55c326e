import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { crc32 } from 'node:zlib';
import { ImageGateway } from './image.service';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../../../test/fixtures', name));
const MAX_PIXELS = 40e6;

/** A valid 1 × 1 PNG with its IHDR rewritten to claim another size (CRC fixed up). */
async function pngClaimingSize(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  // Signature (8) + length (4) + "IHDR" (4), then width and height.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe(ImageGateway.name, () => {
  const sut = new ImageGateway();

  it('reads the real type and size of a PNG photo', async () => {
    await expect(sut.inspect(fixture('astronaut.png'), MAX_PIXELS)).resolves.toEqual({
      format: 'png',
      width: 512,
      height: 512,
    });
  });

  it.each([
    ['a text file', Buffer.from('not a photo at all, although it is called photo.jpg')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
  ])('refuses %s as UNSUPPORTED_IMAGE_TYPE', async (_, input) => {
    await expect(sut.inspect(input, MAX_PIXELS)).rejects.toMatchObject({
      code: 'UNSUPPORTED_IMAGE_TYPE',
    });
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    // A tiny PNG whose header claims 20000 × 20000 pixels (1.2 GB once decoded).
    const bomb = await pngClaimingSize(20_000, 20_000);
    await expect(sut.inspect(bomb, MAX_PIXELS)).rejects.toMatchObject({
      code: 'IMAGE_TOO_MANY_PIXELS',
      details: { megapixels: 400, maxMegapixels: 40 },
    });
  });

  it('refuses a truncated JPEG as IMAGE_CORRUPT', async () => {
    const jpeg = await sharp(fixture('astronaut.png')).jpeg().toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    await expect(sut.normalise(truncated, { maxPixels: MAX_PIXELS })).rejects.toMatchObject({
      code: 'IMAGE_CORRUPT',
    });
  });

  it('applies the EXIF orientation and strips every piece of metadata, GPS included', async () => {
    const wide = await sharp(fixture('coffee.png')) // 600 × 400
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: 'PhoneCo' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
      })
      .toBuffer();
    const before = await sharp(wide).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.toString('latin1')).toContain('PhoneCo');

    const result = await sut.normalise(wide, { maxPixels: MAX_PIXELS });
    expect([result.width, result.height]).toEqual([400, 600]); // rotated upright
    const metadata = await sharp(result.data).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
  });

  it('makes cover thumbnails of the requested size', async () => {
    const { data } = await sut.normalise(fixture('coffee.png'), { maxPixels: MAX_PIXELS });
    const thumb = await sut.thumbnail(data, { width: 200, height: 200, fit: 'cover' });
    expect(await sharp(thumb).metadata()).toMatchObject({
      width: 200,
      height: 200,
      format: 'jpeg',
    });
  });
});
