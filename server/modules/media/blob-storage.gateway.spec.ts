import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { LocalDiskBlobStorage } from './blob-storage.gateway';

describe(LocalDiskBlobStorage.name, () => {
  let dir: string;
  let sut: LocalDiskBlobStorage;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-blobs-'));
    sut = new LocalDiskBlobStorage({ storage: { blobDir: dir } } as AppConfig);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores, reads, streams and deletes a blob', async () => {
    await sut.put('drafts/abc/source.jpg', Buffer.from('pixels'), 'image/jpeg');
    await expect(sut.get('drafts/abc/source.jpg')).resolves.toEqual(Buffer.from('pixels'));
    const chunks: Buffer[] = [];
    for await (const chunk of sut.stream('drafts/abc/source.jpg')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('pixels');
    await sut.delete('drafts/abc/source.jpg');
    await expect(sut.exists('drafts/abc/source.jpg')).resolves.toBe(false);
  });

  it('deletes everything under a prefix and nothing else', async () => {
    await sut.put('drafts/a/1.jpg', Buffer.from('1'), 'image/jpeg');
    await sut.put('drafts/a/2.jpg', Buffer.from('2'), 'image/jpeg');
    await sut.put('drafts/b/1.jpg', Buffer.from('3'), 'image/jpeg');
    await sut.deletePrefix('drafts/a/');
    await expect(sut.exists('drafts/a/1.jpg')).resolves.toBe(false);
    await expect(sut.exists('drafts/b/1.jpg')).resolves.toBe(true);
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
