import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { type RunningS3, startS3 } from '../../../test/support/s3-server';
import { type BlobStorageGateway, LocalDiskBlobStorage } from './blob-storage.service';
import { S3BlobStorage } from './s3-blob-storage';

/** The same contract for both storages: the local folder and a real S3-compatible server. */
const storages: [string, () => Promise<{ sut: BlobStorageGateway; close: () => Promise<void> }>][] =
  [
    [
      'local disk',
      async () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-blobs-'));
        const sut = new LocalDiskBlobStorage({ storage: { blobDir: dir, s3: null } } as AppConfig);
        return { sut, close: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    ],
    [
      'S3 (s3rver)',
      async () => {
        const s3: RunningS3 = await startS3();
        const sut = new S3BlobStorage({ storage: { blobDir: '', s3: s3.config } } as AppConfig);
        return { sut, close: () => s3.close() };
      },
    ],
  ];

describe.each(storages)('blob storage: %s', (_name, make) => {
  let sut: BlobStorageGateway;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ sut, close } = await make());
  });
  afterEach(() => close());

  async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  it('stores, reads, streams and deletes a blob', async () => {
    await sut.put('drafts/abc/source.jpg', Buffer.from('pixels'), 'image/jpeg');
    await expect(sut.exists('drafts/abc/source.jpg')).resolves.toBe(true);
    await expect(sut.get('drafts/abc/source.jpg')).resolves.toEqual(Buffer.from('pixels'));
    expect((await read(sut.stream('drafts/abc/source.jpg'))).toString()).toBe('pixels');
    expect((await read(await sut.open('drafts/abc/source.jpg'))).toString()).toBe('pixels');
    await sut.delete('drafts/abc/source.jpg');
    await expect(sut.exists('drafts/abc/source.jpg')).resolves.toBe(false);
  });

  it('keeps binary data byte for byte, and a second put replaces the first', async () => {
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256));
    await sut.put('galleries/g/finals/a.jpg', Buffer.from('old'), 'image/jpeg');
    await sut.put('galleries/g/finals/a.jpg', bytes, 'image/jpeg');
    expect((await sut.get('galleries/g/finals/a.jpg')).equals(bytes)).toBe(true);
    expect((await read(sut.stream('galleries/g/finals/a.jpg'))).equals(bytes)).toBe(true);
  });

  it('says plainly when a blob is missing: exists is false, reads fail with ENOENT', async () => {
    await expect(sut.exists('drafts/none/x.jpg')).resolves.toBe(false);
    await expect(sut.get('drafts/none/x.jpg')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(read(sut.stream('drafts/none/x.jpg'))).rejects.toMatchObject({ code: 'ENOENT' });
    // open() says so before handing out a stream (a download answers before sending a byte).
    await expect(sut.open('drafts/none/x.jpg')).rejects.toMatchObject({ code: 'ENOENT' });
    // Deleting what is not there is not an error.
    await expect(sut.delete('drafts/none/x.jpg')).resolves.toBeUndefined();
  });

  it('deletes everything under a prefix and nothing else', async () => {
    await sut.put('drafts/a/1.jpg', Buffer.from('1'), 'image/jpeg');
    await sut.put('drafts/a/2.jpg', Buffer.from('2'), 'image/jpeg');
    await sut.put('drafts/a/variants/v/hd.jpg', Buffer.from('2'), 'image/jpeg');
    await sut.put('drafts/ab/1.jpg', Buffer.from('3'), 'image/jpeg');
    await sut.put('drafts/b/1.jpg', Buffer.from('4'), 'image/jpeg');
    await sut.deletePrefix('drafts/a/');
    await expect(sut.exists('drafts/a/1.jpg')).resolves.toBe(false);
    await expect(sut.exists('drafts/a/variants/v/hd.jpg')).resolves.toBe(false);
    await expect(sut.exists('drafts/ab/1.jpg')).resolves.toBe(true);
    await expect(sut.exists('drafts/b/1.jpg')).resolves.toBe(true);
    await expect(sut.deletePrefix('drafts/a')).rejects.toThrow(/must end with/);
  });

  it('deletes a prefix while something keeps writing under it: no error, what was there is gone', async () => {
    const before = Array.from({ length: 40 }, (_, i) => `drafts/c/variants/${i}/preview.jpg`);
    for (const key of before) await sut.put(key, Buffer.from('x'), 'image/jpeg');
    // A render finishing as its draft is deleted: new files under the prefix, one after another.
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await sut.put(`drafts/c/variants/w${i}/hd.jpg`, Buffer.from('y'), 'image/jpeg');
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(sut.deletePrefix('drafts/c/')).resolves.toBeUndefined();
    writing = false;
    await writer;
    for (const key of before) await expect(sut.exists(key)).resolves.toBe(false);
  });

  it.each(['../etc/passwd', 'drafts/../../x', '/absolute', 'drafts//x', ''])(
    'refuses the key %j',
    async (key) => {
      await expect(sut.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(
        /Invalid blob key/,
      );
    },
  );
});
