import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
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
    const read = await readZip(archive);
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

  it('aborts when the storage fails half-way through a file', async () => {
    const failing = anEntry('a.jpg', bytes(5000, 3), {
      open: () =>
        Readable.from(
          (function* () {
            yield bytes(1000, 3);
            throw new Error('storage went away');
          })(),
        ),
    });
    await expect(buffer(zipStream([failing]))).rejects.toThrow(/storage went away/);
  });

  // About 9 s alone on 2 cores, several times that while CI runs the other suites beside it.
  it('writes ZIP64 records when classic ZIP runs out (here: more than 65 535 files)', async () => {
    const count = 65_600;
    const files = Array.from({ length: count }, (_, i) =>
      anEntry(`f${i}.jpg`, Buffer.from([i % 256])),
    );
    const archive = await buffer(zipStream(files));
    // The ZIP64 end of central directory record and its locator are there…
    expect(archive.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(archive.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
    // …and an independent reader (yauzl) finds every file through them.
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(archive, { lazyEntries: true }, (error, file) =>
        error ? reject(error) : resolve(file),
      ),
    );
    expect(zip.entryCount).toBe(count);
    zip.close();
  }, 300_000);

  it('an empty archive is still a valid ZIP', async () => {
    expect(await readZip(await buffer(zipStream([])))).toEqual([]);
  });
});
