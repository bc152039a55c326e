import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import type { UploadResultDto } from '../../shared/gallery/gallery.types';
import { developmentSigningChain } from '../../server/common/content-credentials/signing-chain';
import { RENDITION_QUEUE_NAME } from '../../server/modules/media/gallery-renditions.service';
import { s3Client } from '../../server/modules/media/s3-blob-storage';
import { aRegistration, asSignedIn, type SignedIn, writeHeaders } from '../support/accounts';
import { aProofJpeg, binary } from '../support/gallery-fixtures';
import { aPackageInput, anAvailability, aProfile, freeSlots } from '../support/photographers';
import { downloadImage, photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { ensureServerBuilt, freePort, ServerProcess } from '../support/processes';
import { testRedis, type TestRedis } from '../support/redis';
import { type RunningS3, startS3 } from '../support/s3-server';
import { type FreshDatabase, freshDatabase, TEST_POSTGRES_URL } from '../support/test-app';

jest.setTimeout(300_000);

/**
 * The scaled topology as separate OS processes, as production runs it: two API processes
 * (`dist/server/api.js`) and two workers (`dist/server/worker.js`) on PostgreSQL, Redis and an
 * S3-compatible server, all started at once.
 */
describe('Scaled topology: 2 APIs + 2 workers on PostgreSQL, Redis and S3 (e2e)', () => {
  let database: FreshDatabase;
  let redis: TestRedis;
  let s3: RunningS3;
  let dataDir: string;
  let outboxDir: string;
  let apis: ServerProcess[] = [];
  let workers: ServerProcess[] = [];
  let urls: string[] = [];
  let sql: Client;
  let env: Record<string, string>;
  let renditions: Queue;

  beforeAll(async () => {
    ensureServerBuilt();
    [database, redis, s3] = await Promise.all([
      freshDatabase(TEST_POSTGRES_URL),
      testRedis(),
      startS3(),
    ]);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-scaled-'));
    // A deployment's own signing chain, the same for every process (as production requires).
    const chain = await developmentSigningChain('Lensbridge Scaled Test', new Date());
    outboxDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-outbox-'));
    env = {
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
      SEED_DEMO_DATA: 'false',
      SERVE_CLIENT: 'false',
      ...database.env,
      ...redis.env,
      ...s3.env,
      DATA_DIR: dataDir,
      UPLOAD_TMP_DIR: path.join(dataDir, 'uploads'),
      // Emails are a development copy in a folder here (no SMTP server in this test).
      MAIL_OUTBOX_DIR: outboxDir,
      AUTH_RATE_LIMIT_PER_MINUTE: '6',
      // Behind a load balancer on this host: the client address comes from X-Forwarded-For.
      TRUST_PROXY: 'loopback',
      DRAFT_UPLOADS_PER_HOUR: '1000',
      DRAFT_MAX_IN_FLIGHT: '1000',
      NOTIFICATIONS_INTERVAL_SECONDS: '1',
      DRAFT_SWEEP_MINUTES: '0.02',
      DRAFT_RENDER_WORKERS: '1',
      C2PA_SIGNING_CERT: chain.chainPem,
      C2PA_SIGNING_KEY: chain.keyPem,
    };
    const ports = [await freePort(), await freePort()];
    urls = ports.map((port) => `http://127.0.0.1:${port}`);
    // All four at once, as a deploy starts them: one migrates, the others wait for it.
    apis = ports.map(
      (port, i) => new ServerProcess(`api${i + 1}`, 'api', { ...env, PORT: String(port) }),
    );
    workers = [1, 2].map((i) => new ServerProcess(`worker${i}`, 'worker', env));
    await Promise.all([
      ...apis.map((p) => p.waitFor(/Listening on/)),
      ...workers.map((p) => p.waitFor(/Worker started/)),
    ]);
    sql = new Client({ connectionString: database.env.DATABASE_URL });
    await sql.connect();
    renditions = new Queue(RENDITION_QUEUE_NAME, {
      connection: redis.client,
      prefix: redis.prefix,
    });
  });

  afterAll(async () => {
    await renditions?.close();
    await sql?.end();
    await Promise.all([...apis, ...workers].map((p) => p.stop()));
    await Promise.all([database?.drop(), redis?.close(), s3?.close()]);
    rmSync(outboxDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A new client, signed in (drafts need no confirmed address). */
  async function signUpAt(url: string): Promise<SignedIn> {
    const input = aRegistration({ role: 'client' });
    await request(url).post('/api/auth/register').send(input).expect(202);
    const response = await request(url)
      .post('/api/auth/login')
      .send({ email: input.email, password: input.password })
      .expect(200);
    return asSignedIn(response);
  }

  /** Someone signed up at `url`, address confirmed in the database (emails go to a folder). */
  async function aConfirmedAccount(
    url: string,
    role: 'client' | 'photographer',
  ): Promise<SignedIn> {
    const input = aRegistration({ role });
    await request(url).post('/api/auth/register').send(input).expect(202);
    await sql.query('UPDATE users SET email_verified_at = now() WHERE email = $1', [
      input.email.toLowerCase(),
    ]);
    const response = await request(url)
      .post('/api/auth/login')
      .send({ email: input.email, password: input.password })
      .expect(200);
    return asSignedIn(response);
  }

  /**
   * A photographer's session that took place and is completed, set up through the first API
   * (the profile approved and the session moved two days back in the database).
   */
  async function aCompletedSession(): Promise<{ studio: SignedIn; bookingId: string }> {
    const url = urls[0]!;
    const studio = await aConfirmedAccount(url, 'photographer');
    const send = (method: 'put' | 'post', path: string, body: object) =>
      request(url)[method](path).set(writeHeaders(studio)).send(body);
    const profile = (await send('put', '/api/photographers/me', aProfile()).expect(200)).body;
    await send('put', '/api/photographers/me/availability', anAvailability()).expect(200);
    const pkg = (await send('post', '/api/photographers/me/packages', aPackageInput()).expect(201))
      .body;
    await sql.query('UPDATE photographer_profiles SET approved = true WHERE id = $1', [profile.id]);
    const client = await aConfirmedAccount(url, 'client');
    const from = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
    const { slots } = await freeSlots(url, profile.id, pkg.id, { from });
    const held = await request(url)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({ packageId: pkg.id, startsAt: slots[0] })
      .expect(201);
    const bookingId = held.body.id as string;
    await request(url)
      .post(`/api/bookings/${bookingId}/confirm`)
      .set(writeHeaders(client))
      .expect(200);
    await sql.query(
      `UPDATE bookings SET starts_at = now() - interval '2 days',
         ends_at = now() - interval '2 days' + interval '1 hour',
         blocked_from = now() - interval '2 days',
         blocked_until = now() - interval '2 days' + interval '1 hour'
       WHERE id = $1`,
      [bookingId],
    );
    await request(url)
      .post(`/api/bookings/${bookingId}/complete`)
      .set(writeHeaders(studio))
      .expect(200);
    return { studio, bookingId };
  }

  const uploadProofs = (url: string, who: SignedIn, bookingId: string, files: Buffer[]) => {
    let req = request(url).post(`/api/bookings/${bookingId}/gallery/proofs`).set(writeHeaders(who));
    for (const [i, data] of files.entries()) req = req.attach('images', data, `IMG_${i + 1}.jpg`);
    return req;
  };

  it('renders drafts uploaded through either API exactly once, three variants each', async () => {
    const me = await signUpAt(urls[0]);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await uploadPhoto(urls[i % 2], me, await photos.astronaut());
      expect(created.status).toBe(202);
      ids.push(created.body.id as string);
    }
    for (const [i, id] of ids.entries()) {
      const draft = await waitForDraft(urls[(i + 1) % 2], me, id);
      expect(draft.status).toBe('ready');
      expect(draft.variants.filter((v) => v.status === 'ready')).toHaveLength(3);
      // Signed by whichever worker rendered it, with the deployment's chain, valid on either API.
      const preview = await downloadImage(urls[i % 2]!, me, draft.variants[0]!.previewUrl!);
      const report = await request(urls[(i + 1) % 2])
        .post('/api/provenance/verify')
        .attach('image', preview, 'preview.jpg')
        .expect(200);
      expect(report.body).toMatchObject({
        status: 'valid',
        aiGenerated: true,
        signer: { organisation: 'Lensbridge Scaled Test', ours: true, development: false },
      });
    }
    const jobs = await sql.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM draft_render_jobs WHERE draft_id = ANY($1)',
      [ids],
    );
    expect(jobs.rows.length).toBeGreaterThanOrEqual(4);
    // Each job ran once: done on its first attempt, on one of the two workers.
    expect(jobs.rows.every((job) => job.status === 'done' && job.attempts === 1)).toBe(true);
    const rendered = workers.map(
      (w) => w.lines.filter((l) => /Render job .* failed|stalled/.test(l)).length,
    );
    expect(rendered).toEqual([0, 0]);
  });

  it('makes proofs uploaded through an API in the worker processes, into the bucket', async () => {
    const { studio, bookingId } = await aCompletedSession();
    const res = await uploadProofs(urls[1]!, studio, bookingId, [
      await aProofJpeg(0),
      await aProofJpeg(1),
    ]).expect(201);
    const { accepted } = res.body as UploadResultDto;
    expect(accepted).toHaveLength(2);
    // Served by the other API, from the bucket.
    const thumb = await request(urls[0]!)
      .get(accepted[0]!.thumbUrl)
      .set('Cookie', studio.cookie.join('; '))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((await sharp(thumb.body as Buffer).metadata()).format).toBe('jpeg');
    // Made by the worker processes (BullMQ records who took each job), never by an API.
    const done = await renditions.getCompleted();
    expect(done.length).toBeGreaterThanOrEqual(2);
    const workerPids = workers.map((w) => `:${w.pid}:`);
    expect(done.every((job) => workerPids.some((pid) => job.processedBy?.includes(pid)))).toBe(
      true,
    );
    const listed = await s3Client(s3.config).send(
      new ListObjectsV2Command({ Bucket: s3.config.bucket, Prefix: `galleries/${bookingId}/` }),
    );
    const keys = (listed.Contents ?? []).map((o) => o.Key!.split('/').at(-1));
    // Three files per proof; the uploads handed to the workers are gone.
    expect(keys.sort()).toEqual([
      'original.jpg',
      'original.jpg',
      'preview.jpg',
      'preview.jpg',
      'thumb.jpg',
      'thumb.jpg',
    ]);
  });

  it('finishes a draft whose worker was killed (kill -9) mid-render, on the other worker', async () => {
    const me = await signUpAt(urls[1]);
    const created = await uploadPhoto(urls[1], me, await photos.astronaut());
    expect(created.status).toBe(202);
    const holder = await waitForHolder(sql, created.body.id as string);
    const victim = workers.find((w) => holder.includes(`:${w.pid}:`));
    expect(victim).toBeDefined();
    victim!.kill('SIGKILL');
    await victim!.exited;
    const draft = await waitForDraft(urls[0], me, created.body.id as string, 120_000);
    expect(draft.status).toBe('ready');
    expect(draft.variants.filter((v) => v.status === 'ready')).toHaveLength(3);
    const survivor = workers.find((w) => w !== victim)!;
    expect(survivor.lines.some((l) => /stalled/.test(l))).toBe(true);
  });

  it('makes a proof whose worker was killed (kill -9) mid-rendition, on another worker', async () => {
    // The kill above left one worker: a second joins, as an autoscaler would start one.
    const joined = new ServerProcess('worker3', 'worker', env);
    workers.push(joined);
    await joined.waitFor(/Worker started/);
    const { studio, bookingId } = await aCompletedSession();
    // 24 MP, so the rendition takes long enough to be caught in the act.
    const large = await sharp({
      create: {
        width: 6000,
        height: 4000,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    const answer = uploadProofs(urls[1]!, studio, bookingId, [large]).then((r) => r);
    const holder = await activeRenditionHolder(renditions);
    const live = workers.filter((w) => w.running);
    const victim = live.find((w) => holder.includes(`:${w.pid}:`));
    expect(victim).toBeDefined();
    victim!.kill('SIGKILL');
    await victim!.exited;
    const res = await answer;
    expect(res.status).toBe(201);
    expect((res.body as UploadResultDto).accepted).toHaveLength(1);
    const survivor = live.find((w) => w !== victim)!;
    expect(survivor.lines.some((l) => /gallery-renditions job .* stalled/.test(l))).toBe(true);
  });

  it('holds the log-in limit across both API processes', async () => {
    const input = aRegistration();
    // One client address, other than the one the sign-ups above came from.
    const attempt = (url: string) =>
      request(url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ email: input.email, password: 'wrong-one' });
    for (let i = 0; i < 6; i++) expect((await attempt(urls[i % 2])).status).toBe(401);
    expect((await attempt(urls[0])).status).toBe(429);
    expect((await attempt(urls[1])).status).toBe(429);
  });

  it('runs each scheduled job once per tick across the workers', () => {
    const ticks = new Map<string, number>();
    // A worker killed above may have been running a tick, which BullMQ then ran again on
    // another worker (at least once, as a crash requires): count the ticks of the live workers.
    for (const line of workers.filter((w) => w.running).flatMap((w) => w.lines)) {
      const match = /Scheduled (\S+) runs \(tick ([^)]+)\)/.exec(line);
      if (match)
        ticks.set(`${match[1]} ${match[2]}`, (ticks.get(`${match[1]} ${match[2]}`) ?? 0) + 1);
    }
    const perJob = (name: string) =>
      [...ticks.keys()].filter((k) => k.startsWith(`${name} `)).length;
    expect(perJob('email-jobs')).toBeGreaterThanOrEqual(5);
    expect(perJob('draft-retention')).toBeGreaterThanOrEqual(3);
    expect([...ticks.values()].every((count) => count === 1)).toBe(true);
  });

  it('writes nothing to local disk: every photo is in the bucket', async () => {
    expect(filesUnder(dataDir)).toEqual([]);
    const listed = await s3Client(s3.config).send(
      new ListObjectsV2Command({ Bucket: s3.config.bucket, Prefix: 'drafts/' }),
    );
    expect(listed.KeyCount).toBeGreaterThan(0);
  });
});

/** The lease owner (`host:pid:…`) of the draft's running job, once a worker has taken it. */
async function waitForHolder(sql: Client, draftId: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await sql.query<{ lease_owner: string | null }>(
      "SELECT lease_owner FROM draft_render_jobs WHERE draft_id = $1 AND status = 'running'",
      [draftId],
    );
    const owner = result.rows[0]?.lease_owner;
    if (owner) return owner;
    if (Date.now() > deadline) throw new Error('no worker took the job');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The `processedBy` (`host:pid:…`) of the rendition job a worker is making, once one is. */
async function activeRenditionHolder(queue: Queue): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const active = await queue.getActive();
    const holder = active.find((job) => job.processedBy)?.processedBy;
    if (holder) return holder;
    if (Date.now() > deadline) throw new Error('no worker took the rendition job');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
