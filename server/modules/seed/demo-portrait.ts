import { deflateSync } from 'node:zlib';

export interface PortraitPalette {
  /** Backdrop gradient, top → bottom, as [r, g, b]. */
  top: [number, number, number];
  bottom: [number, number, number];
  /** The sitter's silhouette. */
  figure: [number, number, number];
}

/**
 * A calm studio-portrait placeholder (backdrop gradient, soft vignette and a head-and-shoulders
 * silhouette), encoded as PNG with nothing but zlib. Demo portfolios go through the same upload
 * path as real ones (ImageGateway → JPEG), so no image library is needed here.
 */
export function renderDemoPortrait(
  palette: PortraitPalette,
  options: { width?: number; height?: number; offset?: number } = {},
): Buffer {
  const width = options.width ?? 480;
  const height = options.height ?? 600;
  const shift = (options.offset ?? 0) * width * 0.12;
  const row = width * 3 + 1;
  const pixels = Buffer.alloc(row * height);
  const head = { x: width / 2 + shift, y: height * 0.4, rx: width * 0.14, ry: height * 0.16 };
  const neck = { x: width / 2 + shift, y: height * 0.6, rx: width * 0.085, ry: height * 0.13 };
  const shoulders = { x: width / 2 + shift, y: height * 1.0, rx: width * 0.4, ry: height * 0.36 };
  for (let y = 0; y < height; y += 1) {
    pixels[y * row] = 0; // PNG filter: none
    const t = y / (height - 1);
    for (let x = 0; x < width; x += 1) {
      const dx = (x - width / 2) / width;
      const dy = (y - height * 0.45) / height;
      const vignette = 1 - Math.min(0.35, (dx * dx + dy * dy) * 0.9);
      const coverage = Math.max(
        softEllipse(x, y, head),
        softEllipse(x, y, neck),
        softEllipse(x, y, shoulders),
      );
      const offset = y * row + 1 + x * 3;
      for (let c = 0; c < 3; c += 1) {
        const backdrop = (palette.top[c]! * (1 - t) + palette.bottom[c]! * t) * vignette;
        pixels[offset + c] = Math.round(backdrop * (1 - coverage) + palette.figure[c]! * coverage);
      }
    }
  }
  return encodePng(width, height, pixels);
}

/** 1 inside the ellipse, 0 outside, with a two-pixel soft edge. */
function softEllipse(
  x: number,
  y: number,
  e: { x: number; y: number; rx: number; ry: number },
): number {
  const d = Math.sqrt(((x - e.x) / e.rx) ** 2 + ((y - e.y) / e.ry) ** 2);
  const edge = 2 / Math.min(e.rx, e.ry);
  return Math.min(1, Math.max(0, (1 - d) / edge + 0.5));
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
