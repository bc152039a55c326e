import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { ZipFile } from 'yazl';

/** One file of the archive. Size and CRC are known in advance (stored at upload). */
export interface ZipEntry {
  name: string;
  size: number;
  crc32: number;
  modifiedAt: Date;
  open(): Readable;
}

/**
 * A ZIP archive as a stream, written by yazl while it is read: files are stored (JPEGs do not
 * compress) and opened one at a time, so memory and open files stay flat however many finals
 * there are; ZIP64 records are added when the archive passes 4 GiB. Each file's bytes are
 * checked against the size and CRC-32 recorded at upload on the way through, and a mismatch
 * (or a storage error) aborts the download instead of sending a corrupt archive.
 */
export function zipStream(entries: readonly ZipEntry[]): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  for (const entry of entries) {
    zip.addReadStreamLazy(
      entry.name.replaceAll('\\', '/'),
      { size: entry.size, mtime: entry.modifiedAt, compress: false, mode: 0o100644 },
      (done) => {
        try {
          const source = entry.open();
          const checked = new MatchesRecord(entry);
          // yazl does not watch its inputs for errors: a failed or altered file ends the archive.
          source.on('error', (error) => checked.destroy(error));
          checked.on('error', (error) => output.destroy(error));
          done(null, source.pipe(checked));
        } catch (error) {
          done(error, undefined as unknown as NodeJS.ReadableStream);
        }
      },
    );
  }
  zip.end();
  return output;
}

/** Passes a file through and fails at its end unless its size and CRC-32 are the recorded ones. */
class MatchesRecord extends Transform {
  private crc = 0;
  private size = 0;

  constructor(private readonly entry: ZipEntry) {
    super();
  }

  override _transform(chunk: Buffer, _: BufferEncoding, callback: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size !== this.entry.size || this.crc >>> 0 !== this.entry.crc32 >>> 0) {
      callback(
        new Error(`Stored file ${this.entry.name} does not match its recorded size or checksum`),
      );
      return;
    }
    callback();
  }
}
