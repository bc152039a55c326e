import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from 'supertest/types';
import { signUp } from '../support/accounts';
import { photos, uploadPhoto } from '../support/draft-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * Uploads stream into temporary files (UPLOAD_TMP_DIR), not into memory, and those files are
 * gone once the response is sent: after an accepted photo, a refused one and a photo too large.
 */
describe('Uploads stream through temporary files (e2e)', () => {
  let target: TestApp;
  let server: App;
  let tmpDir: string;

  beforeAll(async () => {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-uploads-'));
    target = await startTestApp({ UPLOAD_TMP_DIR: tmpDir, UPLOAD_MAX_MB: '1' });
    server = target.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await target?.close();
    rmSync(tmpDir, { recursive: true, force: true });
  });

  const leftOver = async (): Promise<string[]> => {
    // The files go when the response closes, a moment after the client has it.
    for (let i = 0; i < 40 && readdirSync(tmpDir).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return readdirSync(tmpDir);
  };

  it('leaves nothing behind after an accepted, a refused and a too-large upload', async () => {
    const me = await signUp(server, { role: 'client' });
    await uploadPhoto(server, me, await photos.astronaut()).expect(202);
    expect(await leftOver()).toEqual([]);

    const notAnImage = await uploadPhoto(server, me, Buffer.from('not a photo at all'));
    expect(notAnImage.status).toBe(415);
    expect(await leftOver()).toEqual([]);

    const tooLarge = await uploadPhoto(server, me, Buffer.alloc(1.5 * 1024 * 1024, 7));
    expect(tooLarge.status).toBe(413);
    expect(await leftOver()).toEqual([]);
  });
});
