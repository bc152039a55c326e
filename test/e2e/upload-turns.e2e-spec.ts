import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROCESSING_NOTICE_VERSION } from '../../shared/drafts/processing-notice';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { photos, uploadPhoto } from '../support/draft-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * Upload bodies are read in turns (UPLOAD_CONCURRENCY at once per process, here 1): a body
 * waiting for its turn is not read at all (no temporary file yet), its upload succeeds once the
 * turn comes, and a client that gives up while waiting does not keep its place.
 */
describe('Upload bodies read in turns (e2e)', () => {
  let target: TestApp;
  let port: number;
  let tmpDir: string;
  let me: SignedIn;

  beforeAll(async () => {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-turns-'));
    target = await startTestApp({ UPLOAD_TMP_DIR: tmpDir, UPLOAD_CONCURRENCY: '1' });
    const server = target.app.getHttpServer() as http.Server;
    port = (server.address() as AddressInfo | null)?.port ?? 0;
    if (!port) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    }
    me = await signUp(server, { role: 'client' });
  });
  afterAll(async () => {
    await target?.close();
    rmSync(tmpDir, { recursive: true, force: true });
  });

  /** A draft upload sent by hand: the body is written in two halves, the second on demand. */
  async function heldUpload(photo: Buffer) {
    const boundary = 'lensbridge-turns';
    const part = (name: string, value: string) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(
        part('consent', 'true') +
          part('noticeVersion', PROCESSING_NOTICE_VERSION) +
          `--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="me.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
      ),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers = {
      ...writeHeaders(me),
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(body.length),
    };
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/api/drafts',
      method: 'POST',
      headers,
    });
    const status = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    const half = Math.floor(body.length / 2);
    req.write(body.subarray(0, half));
    return {
      status,
      finish: () => req.end(body.subarray(half)),
      abort: () => req.destroy(),
    };
  }

  const tmpFiles = () => readdirSync(tmpDir).length;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('reads a second body only once the first body is in, and both succeed', async () => {
    const photo = await photos.astronaut();
    const first = await heldUpload(photo);
    await settle();
    expect(tmpFiles()).toBe(1); // the first body, half written
    const second = uploadPhoto(target.app.getHttpServer(), me, photo).then((r) => r.status);
    await settle();
    // Sent in full, but not read yet: no file of its own.
    expect(tmpFiles()).toBe(1);
    first.finish();
    expect(await first.status).toBe(202);
    expect(await second).toBe(202);
  });

  it('gives the turn on when a waiting client goes away', async () => {
    const photo = await photos.astronaut();
    const first = await heldUpload(photo);
    await settle();
    const leaving = await heldUpload(photo);
    await settle();
    leaving.abort();
    await leaving.status.catch(() => undefined);
    first.finish();
    expect(await first.status).toBe(202);
    // The place the leaver gave up is not held: the next upload is read and answered.
    const next = await uploadPhoto(target.app.getHttpServer(), me, photo);
    expect(next.status).toBe(202);
  });
});
