import sharp from 'sharp';
import { sniffImageFormat } from './image-format';

describe(sniffImageFormat.name, () => {
  const pixel = () =>
    sharp({ create: { width: 4, height: 4, channels: 3, background: '#123456' } });

  it('knows the formats C2PA readers handle from their first bytes', async () => {
    expect(await sniffImageFormat(await pixel().jpeg().toBuffer())).toBe('image/jpeg');
    expect(await sniffImageFormat(await pixel().png().toBuffer())).toBe('image/png');
    expect(await sniffImageFormat(await pixel().webp().toBuffer())).toBe('image/webp');
    expect(await sniffImageFormat(await pixel().tiff().toBuffer())).toBe('image/tiff');
    expect(await sniffImageFormat(await pixel().gif().toBuffer())).toBe('image/gif');
    expect(await sniffImageFormat(await pixel().avif().toBuffer())).toBe('image/avif');
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic'),
      Buffer.alloc(16),
    ]);
    expect(await sniffImageFormat(heic)).toBe('image/heic');
  });

  it('refuses what is not an image, whatever its name says', async () => {
    expect(await sniffImageFormat(Buffer.from('%PDF-1.7 not an image'))).toBeUndefined();
    expect(await sniffImageFormat(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(await sniffImageFormat(new Uint8Array(0))).toBeUndefined();
  });
});
