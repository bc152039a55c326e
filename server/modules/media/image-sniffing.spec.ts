import { sniffImageType } from './image-sniffing';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );

describe(sniffImageType.name, () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0)],
    ['png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a)],
    ['webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')],
    ['heic', bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0)],
    ['avif', bytes(0, 0, 0, 0x18, 'ftypavif', 0, 0)],
    ['gif', bytes('GIF89a')],
    ['svg', bytes('  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['unknown', bytes('hello, this is a text file named photo.jpg')],
    ['unknown', bytes()],
  ])('recognises %s from its bytes', (expected, input) => {
    expect(sniffImageType(input)).toBe(expected);
  });
});
