import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Client } from 'pg';
import request from 'supertest';
import { developmentSigningChain } from '../../server/common/content-credentials/signing-chain';
import { s3Client } from '../../server/modules/media/s3-blob-storage';
import { aRegistration, asSignedIn, type SignedIn } from '../support/accounts';
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
    const env = {
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
  });

  afterAll(async () => {
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
    for (const line of workers.flatMap((w) => w.lines)) {
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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
