import { Queue } from 'bullmq';
import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { DownloadsDto, GalleryDto, UploadResultDto } from '../../shared/gallery/gallery.types';
import { BlobStorageGateway } from '../../server/modules/media/blob-storage.service';
import { RENDITION_QUEUE_NAME } from '../../server/modules/media/gallery-renditions.service';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { verifyCredentials } from '../support/content-credentials';
import {
  aCompletedBooking,
  aFinalJpeg,
  aProofJpeg,
  aTruncatedJpeg,
  binary,
} from '../support/gallery-fixtures';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { testRedis, type TestRedis } from '../support/redis';
import { startTcpProxy } from '../support/tcp-proxy';
import { sameDeploymentEnv, startTestApp, type TestApp, waitUntil } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * With REDIS_URL, proofs and finals are made by worker processes through BullMQ: an API-only
 * process checks the upload's header, hands it over and answers with what the worker made.
 * (The draft renders' side is in redis-scale.e2e-spec.ts.)
 */
describe('Gallery renditions through BullMQ (e2e)', () => {
  let redis: TestRedis;
  let worker: TestApp;
  let api: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let client: SignedIn;
  let booking: BookingDto;

  beforeAll(async () => {
    redis = await testRedis();
    // Renders and renditions happen here (PROCESS_ROLE=all)…
    worker = await startTestApp({ ...BOOKING_TEST_ENV, ...redis.env });
    // …and this API process, on the same database, storage and Redis, makes none itself.
    api = await startTestApp({
      ...BOOKING_TEST_ENV,
      ...redis.env,
      PROCESS_ROLE: 'api',
      ...sameDeploymentEnv(worker),
    });
    server = api.app.getHttpServer() as App;
    const admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin, { pkg: { includedImages: 2 } });
    client = await signUp(server, { role: 'client' });
    booking = await aCompletedBooking(api, studio, client);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await redis?.close();
  });

  /** The booking's gallery as the photographer sees it. */
  const galleryOf = async (bookingId: string): Promise<GalleryDto> =>
    (
      await request(server)
        .get(`/api/bookings/${bookingId}/gallery`)
        .set('Cookie', studio.who.cookie.join('; '))
        .expect(200)
    ).body as GalleryDto;
  const getBinary = (who: SignedIn, url: string) =>
    request(server).get(url).set('Cookie', who.cookie.join('; ')).buffer(true).parse(binary);

  it('makes each proof in a worker: accepted with its size, a damaged file refused by name', async () => {
    const res = await request(server)
      .post(`/api/bookings/${booking.id}/gallery/proofs`)
      .set(writeHeaders(studio.who))
      .attach('images', await aProofJpeg(0), 'IMG_1.jpg')
      .attach('images', await aTruncatedJpeg(), 'IMG_2.jpg')
      .attach('images', await aProofJpeg(2), 'IMG_3.jpg')
      .expect(201);
    const result = res.body as UploadResultDto;
    expect(result.accepted.map((p) => p.fileName)).toEqual(['IMG_1.jpg', 'IMG_3.jpg']);
    // The damage is only found by decoding, which happened in the worker.
    expect(result.rejected).toEqual([
      expect.objectContaining({ fileName: 'IMG_2.jpg', code: 'IMAGE_CORRUPT' }),
    ]);
    const source = await sharp(await aProofJpeg(0)).metadata();
    expect([result.accepted[0]!.width, result.accepted[0]!.height]).toEqual([
      source.width,
      source.height,
    ]);
    const thumb = await getBinary(studio.who, result.accepted[0]!.thumbUrl).expect(200);
    expect((await sharp(thumb.body as Buffer).metadata()).format).toBe('jpeg');

    const queue = new Queue(RENDITION_QUEUE_NAME, {
      connection: redis.client,
      prefix: redis.prefix,
    });
    try {
      const done = await queue.getCompleted();
      expect(done).toHaveLength(3);
      expect(await queue.getJobCounts('wait', 'active', 'failed')).toEqual({
        wait: 0,
        active: 0,
        failed: 0,
      });
    } finally {
      await queue.close();
    }
    // The uploads handed to the worker are gone from storage once it answered.
    const blobs = api.app.get(BlobStorageGateway);
    for (const proof of result.accepted) {
      const prefix = `galleries/${booking.id}/proofs/${proof.id}`;
      expect(await blobs.exists(`${prefix}/upload`)).toBe(false);
      expect(await blobs.exists(`${prefix}/original.jpg`)).toBe(true);
    }
  });

  it('makes and signs a final in a worker, delivered to the client', async () => {
    const gallery = await galleryOf(booking.id);
    const proofId = gallery.proofs[0]!.id;
    await request(server)
      .post(`/api/bookings/${booking.id}/gallery/publish`)
      .set(writeHeaders(studio.who))
      .expect(200);
    await request(server)
      .post(`/api/bookings/${booking.id}/gallery/selection`)
      .set(writeHeaders(client))
      .send({ imageIds: [proofId] })
      .expect(200);
    await request(server)
      .post(`/api/bookings/${booking.id}/gallery/finals`)
      .set(writeHeaders(studio.who))
      .field('proofId', proofId)
      .attach('image', await aFinalJpeg(0), 'final-1.jpg')
      .expect(201);
    await request(server)
      .post(`/api/bookings/${booking.id}/gallery/deliver`)
      .set(writeHeaders(studio.who))
      .expect(200);
    const downloads = (
      await request(server)
        .get(`/api/bookings/${booking.id}/gallery/downloads`)
        .set('Cookie', client.cookie.join('; '))
        .expect(200)
    ).body as DownloadsDto;
    const file = (await getBinary(client, downloads.finals[0]!.url).expect(200)).body as Buffer;
    expect(downloads.finals[0]!.bytes).toBe(file.length);
    const report = await verifyCredentials(server, file);
    expect(report).toMatchObject({ status: 'valid', aiGenerated: false, authors: ['Lena Licht'] });
  });

  it('answers 503 IMAGE_PROCESSING_UNAVAILABLE when no worker takes the job in time, and keeps nothing', async () => {
    // An API process whose queue no worker listens to (its own Redis prefix), waiting 1 s.
    const alone = await startTestApp({
      ...BOOKING_TEST_ENV,
      REDIS_URL: redis.env.REDIS_URL!,
      REDIS_PREFIX: `${redis.prefix}-alone`,
      GALLERY_RENDITION_WAIT_SECONDS: '1',
      PROCESS_ROLE: 'api',
      ...sameDeploymentEnv(worker),
    });
    try {
      const other = await aCompletedBooking(api, studio, client);
      const res = await request(alone.app.getHttpServer() as App)
        .post(`/api/bookings/${other.id}/gallery/proofs`)
        .set(writeHeaders(studio.who))
        .attach('images', await aProofJpeg(1), 'IMG_1.jpg')
        .attach('images', await aProofJpeg(3), 'IMG_2.jpg')
        .expect(503);
      expect(res.body.code).toBe('IMAGE_PROCESSING_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('30');
      const gallery = await galleryOf(other.id);
      expect(gallery.proofs).toEqual([]);
      const queue = new Queue(RENDITION_QUEUE_NAME, {
        connection: redis.client,
        prefix: `${redis.prefix}-alone`,
      });
      try {
        // The job nobody took was taken back, not left for a worker that comes later.
        expect(await queue.getJobCounts('wait', 'active')).toEqual({ wait: 0, active: 0 });
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    } finally {
      await alone.close();
    }
  });

  it('answers 503 naming Redis while it is away, stores nothing, and makes proofs again once it is back', async () => {
    const proxy = await startTcpProxy(
      '127.0.0.1',
      Number(new URL(redis.env.REDIS_URL!).port || 6379),
    );
    // An API process that reaches Redis through a relay this test can cut.
    const relayed = await startTestApp({
      ...BOOKING_TEST_ENV,
      ...redis.env,
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      PROCESS_ROLE: 'api',
      ...sameDeploymentEnv(worker),
    });
    const through = relayed.app.getHttpServer() as App;
    const proof = await aProofJpeg(1);
    const upload = (bookingId: string) =>
      request(through)
        .post(`/api/bookings/${bookingId}/gallery/proofs`)
        .set(writeHeaders(studio.who))
        .attach('images', proof, 'IMG_1.jpg');
    try {
      const other = await aCompletedBooking(api, studio, client);
      await proxy.stop();
      const refused = await upload(other.id).expect(503);
      expect(refused.body).toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { dependency: 'redis' },
      });
      const gallery = await galleryOf(other.id);
      expect(gallery.proofs).toEqual([]);
      await proxy.resume();
      await waitUntil(async () => (await request(through).get('/api/health')).status === 200);
      const made = (await upload(other.id).expect(201)).body as UploadResultDto;
      expect(made.accepted).toHaveLength(1);
    } finally {
      await relayed.close();
      await proxy.close();
    }
  });
});
