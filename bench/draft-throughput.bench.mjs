// Drafts per minute in the scaled topology: an API process and 1, then 2, worker processes on
// PostgreSQL and Redis (BullMQ), each worker with DRAFT_RENDER_WORKERS=1. Uploads a batch of
// phone-size portraits from several accounts at once and times until every draft is ready with
// its three variants. Needs PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL).
// Run: npm run bench draft-throughput   (BENCH_DRAFTS to change the batch)
import path from 'node:path';
import sharp from 'sharp';
import { send, signUpClient, uploadDraft } from './lib/http.mjs';
import { BENCH_REDIS_URL, freshPostgres, startServer } from './lib/server.mjs';

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 24);
const ACCOUNTS = 4;
const root = path.resolve(import.meta.dirname, '..');

const photo = await sharp(path.join(root, 'test/fixtures/astronaut.png'))
  .resize(3000, 2250, { fit: 'cover' })
  .jpeg({ quality: 90 })
  .toBuffer();

async function allReady(url, who, ids) {
  for (const id of ids) {
    const res = await send('GET', `${url}/api/drafts/${id}`, { headers: { cookie: who.cookie } });
    const draft = JSON.parse(res.body);
    if (draft.status === 'failed') throw new Error(`draft ${id} failed`);
    const ready = draft.variants.filter((v) => v.status === 'ready').length;
    if (draft.status !== 'ready' || ready < 3) return false;
  }
  return true;
}

async function run(workers) {
  const database = await freshPostgres();
  const server = await startServer(
    {
      DATABASE_URL: database.url,
      REDIS_URL: BENCH_REDIS_URL,
      REDIS_PREFIX: database.name,
      SEED_DEMO_DATA: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      DRAFT_UPLOADS_PER_HOUR: '100000',
      DRAFT_MAX_IN_FLIGHT: '100000',
      DRAFT_RENDER_WORKERS: '1',
    },
    { topology: 'scaled', workers },
  );
  try {
    const accounts = [];
    for (let i = 0; i < ACCOUNTS; i += 1)
      accounts.push(await signUpClient(server.url, `throughput-${i}`));
    await new Promise((r) => setTimeout(r, 3000)); // the workers load their models
    const started = performance.now();
    const byAccount = accounts.map(() => []);
    await Promise.all(
      Array.from({ length: DRAFTS }, async (_, i) => {
        const res = await uploadDraft(server.url, accounts[i % ACCOUNTS], photo);
        if (res.status !== 202) throw new Error(`upload ${res.status} ${res.body}`);
        byAccount[i % ACCOUNTS].push(JSON.parse(res.body).id);
      }),
    );
    for (;;) {
      const done = await Promise.all(accounts.map((a, i) => allReady(server.url, a, byAccount[i])));
      if (done.every(Boolean)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      workers,
      drafts: DRAFTS,
      seconds: +seconds.toFixed(1),
      draftsPerMinute: +((DRAFTS / seconds) * 60).toFixed(1),
    };
  } finally {
    await server.stop();
    await database.drop();
  }
}

const one = await run(1);
const two = await run(2);
console.log(
  JSON.stringify({
    bench: 'draft-throughput',
    topology: 'api + N workers, PostgreSQL + Redis (BullMQ), DRAFT_RENDER_WORKERS=1 each',
    oneWorker: one,
    twoWorkers: two,
    speedup: +(two.draftsPerMinute / one.draftsPerMinute).toFixed(2),
  }),
);
