import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

/** One file of the archive. Size and CRC are known in advance (stored at upload). */
export interface ZipEntry {
  name: string;
  size: number;
  crc32: number;
  modifiedAt: Date;
  open(): Readable;
}

/** Classic ZIP (no ZIP64): every offset and size must fit in 32 bits. */
export const ZIP_MAX_BYTES = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;
const UTF8_NAMES = 1 << 11;
const VERSION = 20; // 2.0: stored entries

/**
 * A ZIP archive as a stream, written while it is read: each file is copied through in chunks
 * (STORE method — JPEGs do not compress), so memory stays flat however many finals there are.
 * Sizes and CRCs come from the upload, so every local header is complete (no data descriptors)
 * and any unzip tool can read it; each file's bytes are checked against them on the way
 * through, and a mismatch aborts the download instead of sending a corrupt archive.
 */
export function zipStream(entries: readonly ZipEntry[]): Readable {
  const total = entries.reduce((sum, e) => sum + e.size + 30 + 46 + 2 * nameBytes(e).length, 22);
  if (entries.length > MAX_ENTRIES || total > ZIP_MAX_BYTES) {
    throw new Error('The archive would need ZIP64; download the files one by one.');
  }
  return Readable.from(generate(entries), { objectMode: false });
}

async function* generate(entries: readonly ZipEntry[]): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = nameBytes(entry);
    const { time, date } = dosDateTime(entry.modifiedAt);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // STORE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.size, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    yield Buffer.concat([local, name]);

    let crc = 0;
    let size = 0;
    for await (const chunk of entry.open()) {
      const bytes = chunk as Buffer;
      crc = crc32(bytes, crc);
      size += bytes.length;
      yield bytes;
    }
    if (size !== entry.size || crc >>> 0 !== entry.crc32 >>> 0) {
      throw new Error(`Stored file ${entry.name} does not match its recorded size or checksum`);
    }

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | VERSION, 4); // made by Unix
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(entry.size, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += 30 + name.length + entry.size;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield Buffer.concat([directory, end]);
}

function nameBytes(entry: ZipEntry): Buffer {
  return Buffer.from(entry.name.replaceAll('\\', '/'), 'utf8');
}

/** MS-DOS date and time (local fields, 2-second resolution); we write UTC wall time. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
