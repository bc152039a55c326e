import { crc32 } from 'node:zlib';
import { buffer } from 'node:stream/consumers';
import yauzl from 'yauzl';

export interface UnzippedFile {
  name: string;
  data: Buffer;
  crcMatches: boolean;
}

/**
 * Reads a whole ZIP with yauzl (central directory, ZIP64 included), the way unzip tools do,
 * and checks every file's CRC against its header. For tests of the archive and the download.
 */
export async function readZip(archive: Buffer): Promise<UnzippedFile[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(archive, { lazyEntries: true, decodeStrings: true }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  const files: UnzippedFile[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        buffer(stream)
          .then((data) => {
            files.push({
              name: entry.fileName,
              data,
              crcMatches: crc32(data) >>> 0 === entry.crc32 >>> 0,
            });
            zip.readEntry();
          })
          .catch(reject);
      });
    });
    zip.readEntry();
  });
  return files;
}
