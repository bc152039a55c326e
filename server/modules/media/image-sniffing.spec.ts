import path from 'node:path';
import sharp from 'sharp';
import { describeRefusedType, sniffImage } from './image-sniffing';

const pixels = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } });
const isoBox = (brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`), Buffer.alloc(64)]);
const text = (value: string) => async () => Buffer.from(value);

describe(sniffImage.name, () => {
  it.each([
    ['jpeg', () => pixels().jpeg().toBuffer()],
    ['png', () => pixels().png().toBuffer()],
    ['webp', () => pixels().webp().toBuffer()],
  ])('accepts %s from its bytes', async (format, make) => {
    await expect(sniffImage(await make())).resolves.toEqual({ accepted: true, format });
  });

  it('reads an uploaded file from its path', async () => {
    const file = path.join(__dirname, '../../../test/fixtures/astronaut.png');
    await expect(sniffImage(file)).resolves.toEqual({ accepted: true, format: 'png' });
  });

  it.each([
    ['a HEIC photo', 'heic', async () => isoBox('heic')],
    ['an AVIF image', 'avif', async () => isoBox('avif')],
    ['a GIF', 'gif', () => pixels().gif().toBuffer()],
    ['an SVG drawing', undefined, text('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a text file named photo.jpg', undefined, text('hello, this is a text file')],
    ['an empty file', undefined, text('')],
  ])('refuses %s', async (_, detected, make) => {
    await expect(sniffImage(await make())).resolves.toEqual({ accepted: false, detected });
  });
});

describe(describeRefusedType.name, () => {
  it.each([
    ['heic', /HEIC photo .*Most Compatible/],
    ['gif', /^a GIF file$/],
    [undefined, /^not an image we can read$/],
  ])('describes %s', (detected, expected) => {
    expect(describeRefusedType(detected)).toMatch(expected);
  });
});
