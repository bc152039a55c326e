import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import { readZip } from '../../../test/support/zip-reader';
import { type ZipEntry, zipStream } from './zip-stream';

function anEntry(name: string, data: Buffer, overrides: Partial<ZipEntry> = {}): ZipEntry {
  return {
    name,
    size: data.length,
    crc32: crc32(data),
    modifiedAt: new Date('2030-05-01T10:20:30Z'),
    // Small chunks, as a file stream would deliver them.
    open: () => Readable.from(chunks(data, 1000)),
    ...overrides,
  };
}
function* chunks(data: Buffer, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
const bytes = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * seed) % 251));

describe('zipStream', () => {
  it('writes every file, byte for byte, with matching checksums and UTF-8 names', async () => {
    const files = [anEntry('final-01.jpg', bytes(5000, 7)), anEntry('Straße-02.jpg', bytes(3, 11))];
    const archive = await buffer(zipStream(files));
    const read = readZip(archive);
    expect(read.map((f) => f.name)).toEqual(['final-01.jpg', 'Straße-02.jpg']);
    expect(read[0]!.data.equals(bytes(5000, 7))).toBe(true);
    expect(read.every((f) => f.crcMatches)).toBe(true);
  });

  it('is accepted by Info-ZIP when it is installed', async () => {
    if (!existsSync('/usr/bin/unzip')) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zip-spec-'));
    try {
      const file = path.join(dir, 'finals.zip');
      writeFileSync(file, await buffer(zipStream([anEntry('a.jpg', bytes(70_000, 3))])));
      expect(execFileSync('/usr/bin/unzip', ['-t', file]).toString()).toContain('No errors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('aborts instead of sending a file whose bytes do not match the recorded checksum', async () => {
    const tampered = anEntry('a.jpg', bytes(100, 3), { crc32: 12345 });
    await expect(buffer(zipStream([tampered]))).rejects.toThrow(/checksum/);
  });

  it('refuses an archive too large for classic ZIP before sending anything', () => {
    const huge = anEntry('big.jpg', Buffer.alloc(0), { size: 0xffff_ffff });
    expect(() => zipStream([huge])).toThrow(/ZIP64/);
  });

  it('an empty archive is still a valid ZIP', async () => {
    expect(readZip(await buffer(zipStream([])))).toEqual([]);
  });
});
