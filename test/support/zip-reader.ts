import { crc32 } from 'node:zlib';

export interface UnzippedFile {
  name: string;
  data: Buffer;
  crcMatches: boolean;
}

/**
 * Reads a whole ZIP from its central directory (stored entries only), the way unzip tools do,
 * and checks every file's CRC. For tests of the archive writer and the download.
 */
export function readZip(archive: Buffer): UnzippedFile[] {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('No end-of-central-directory record');
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const files: UnzippedFile[] = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('Bad central directory entry');
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (method !== 0) throw new Error(`Entry ${name} is not stored`);
    if (archive.readUInt32LE(localAt) !== 0x04034b50) throw new Error('Bad local header');
    const dataAt =
      localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const data = archive.subarray(dataAt, dataAt + size);
    files.push({ name, data, crcMatches: crc32(data) >>> 0 === crc });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
