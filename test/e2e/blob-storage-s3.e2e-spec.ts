import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import { BlobStorageGateway } from '../../server/modules/media/blob-storage.service';
import { S3BlobStorage } from '../../server/modules/media/s3-blob-storage';
import { type SignedIn, signUp, writeHeaders } from '../support/accounts';
import { downloadImage, photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { type RunningS3, startS3 } from '../support/s3-server';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * BLOB_STORAGE=s3 against a real S3-compatible server (s3rver): a draft's every file goes to the
 * bucket and is served from it, nothing is written to the local blob folder, and deleting the
 * draft empties its prefix.
 */
describe('photos in an S3 bucket (e2e)', () => {
  let s3: RunningS3;
  let t: TestApp;
  let server: App;
  let me: SignedIn;
  let bucket: S3BlobStorage;

  beforeAll(async () => {
    s3 = await startS3();
    t = await startTestApp(s3.env);
    server = t.app.getHttpServer() as App;
    me = await signUp(server, { role: 'client' });
    bucket = t.app.get(BlobStorageGateway) as S3BlobStorage;
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('uses the bucket, not the disk', () => {
    expect(bucket).toBeInstanceOf(S3BlobStorage);
  });

  it('renders a draft from the bucket, serves its images from it, and deletes them there', async () => {
    const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
    const draft = await waitForDraft(server, me, created.body.id);
    expect(draft.status).toBe('ready');

    const keys = await bucket.list(`drafts/${draft.id}/`);
    expect(keys).toEqual(
      expect.arrayContaining([
        `drafts/${draft.id}/working.jpg`,
        `drafts/${draft.id}/mask.png`,
        `drafts/${draft.id}/edge-colours.png`,
      ]),
    );
    // The upload itself is gone once the drafts are made, from the bucket too.
    expect(keys.some((k) => k.endsWith('/source.jpg'))).toBe(false);
    for (const v of draft.variants) {
      const preview = await sharp(await downloadImage(server, me, v.previewUrl!)).metadata();
      expect(preview.format).toBe('jpeg');
      expect(keys.filter((k) => k.includes(v.id)).length).toBeGreaterThanOrEqual(2);
    }
    // Nothing of it on this machine's disk.
    const local = t.config.storage.blobDir;
    expect(existsSync(local) ? readdirSync(local, { recursive: true }) : []).toEqual([]);

    await request(server).delete(`/api/drafts/${draft.id}`).set(writeHeaders(me)).expect(204);
    await expect(bucket.list(`drafts/${draft.id}/`)).resolves.toEqual([]);
  });

  it('health names the photo storage when it is down, and recovers without a restart', async () => {
    const up = await request(server).get('/api/health').expect(200);
    expect(up.body).toMatchObject({
      status: 'ok',
      down: [],
      storage: { status: 'up', kind: 's3' },
    });

    await s3.stop();
    const outage = await request(server).get('/api/health').expect(503);
    expect(outage.body).toMatchObject({
      status: 'degraded',
      down: ['storage'],
      storage: { status: 'down', kind: 's3', error: 'The photo storage did not answer.' },
      database: { status: 'up' },
    });

    await s3.resume();
    await request(server).get('/api/health').expect(200);
  });
});
