// Responsiveness under an upload burst: 100 concurrent 12 MP photo uploads to the all-in-one
// server (uploads, analysis and renders in one process: the hardest case), while a prober
// reads /api/health and the photographer directory every 25 ms.
// Budget (issue 13): health p99 ≤ 50 ms, directory p95 ≤ 50 ms during the burst. The same
// probes on the idle server, in the same run, are the floor.
// Run: npm run bench upload-burst   (BENCH_UPLOADS, BENCH_ACCOUNTS to change the burst)
import http from 'node:http';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { percentile, startServer } from './lib/server.mjs';
import processingNotice from '../dist/shared/drafts/processing-notice.js';

const { PROCESSING_NOTICE_VERSION } = processingNotice;

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 100);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10);
const PROBE_EVERY_MS = 25;
/** `all`: the all-in-one `npm start`; `scaled`: an API process and a worker process. */
const TOPOLOGY = process.env.BENCH_TOPOLOGY ?? 'all';
const root = path.resolve(import.meta.dirname, '..');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

// A 12 MP phone-like photo of a real face (4000 × 3000 JPEG with sensor-like grain, about the
// size a phone writes), made once.
const grain = await sharp({
  create: {
    width: 4000,
    height: 3000,
    channels: 3,
    noise: { type: 'gaussian', mean: 128, sigma: 14 },
  },
})
  .png()
  .toBuffer();
const photo = await sharp(path.join(root, 'test/fixtures/astronaut.png'))
  .resize(4000, 3000, { fit: 'cover' })
  .composite([{ input: grain, blend: 'overlay' }])
  .jpeg({ quality: 92 })
  .toBuffer();

function send(method, url, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signUp(url, i) {
  const res = await send('POST', `${url}/api/auth/register`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `burst-${i}-${Date.now()}@example.com`,
      password: 'a long enough pass phrase 42',
      name: `Burst ${i}`,
      role: 'client',
    }),
  });
  if (res.status !== 201) throw new Error(`sign-up ${res.status} ${res.body}`);
  const cookie = [res.headers['set-cookie']]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: JSON.parse(res.body).csrfToken };
}

function multipart(fields, file) {
  const boundary = `----lensbridge${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = Buffer.from(
    parts.join('') +
      `--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="me.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

/** Reads health and the directory every PROBE_EVERY_MS until `until` resolves. */
async function probe(url, until) {
  const health = [];
  const directory = [];
  let errors = 0;
  let done = false;
  until.then(() => (done = true));
  const inFlight = [];
  for (let i = 0; !done; i += 1) {
    const [pathName, into] =
      i % 2 === 0 ? ['/api/health', health] : ['/api/photographers', directory];
    const sent = performance.now();
    inFlight.push(
      send('GET', url + pathName)
        .then((res) => {
          if (res.status !== 200) errors += 1;
          into.push(performance.now() - sent);
        })
        .catch(() => (errors += 1)),
    );
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  await Promise.all(inFlight);
  const sorted = (a) => [...a].sort((x, y) => x - y);
  return { health: sorted(health), directory: sorted(directory), errors };
}

if (!isMainThread) {
  // The uploading side, on its own thread: sending 100 bodies must not delay the prober's clock.
  const { url, accounts } = workerData;
  const uploadTimes = [];
  const statuses = {};
  await Promise.all(
    Array.from({ length: UPLOADS }, async (_, i) => {
      const who = accounts[i % accounts.length];
      const form = multipart({ consent: 'true', noticeVersion: PROCESSING_NOTICE_VERSION }, photo);
      const sent = performance.now();
      const res = await send('POST', `${url}/api/drafts`, {
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': form.type },
        body: form.body,
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      uploadTimes.push(performance.now() - sent);
    }),
  );
  parentPort.postMessage({ uploadTimes, statuses });
} else {
  await main();
}

async function main() {
  const server = await startServer({
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    DRAFT_UPLOADS_PER_HOUR: '100000',
    DRAFT_MAX_IN_FLIGHT: '100000',
    ...(process.env.BENCH_SERVER_ENV ? JSON.parse(process.env.BENCH_SERVER_ENV) : {}),
  });
  try {
    const accounts = [];
    for (let i = 0; i < ACCOUNTS; i += 1) accounts.push(await signUp(server.url, i));

    // The floor: the same probes on the idle server for three seconds.
    const idle = await probe(server.url, new Promise((r) => setTimeout(r, 3000)));

    const started = performance.now();
    const uploader = new Worker(new URL(import.meta.url), {
      workerData: { url: server.url, accounts },
    });
    const burst = new Promise((resolve, reject) => {
      uploader.once('message', resolve);
      uploader.once('error', reject);
    });
    const during = await probe(server.url, burst);
    const { uploadTimes, statuses } = await burst;
    const burstSeconds = (performance.now() - started) / 1000;
    uploadTimes.sort((a, b) => a - b);
    const ms = (v) => +v.toFixed(1);
    console.log(
      JSON.stringify({
        bench: 'upload-burst',
        topology: TOPOLOGY,
        uploads: UPLOADS,
        photo: `4000x3000 JPEG, ${(photo.length / 1e6).toFixed(1)} MB`,
        uploadStatuses: statuses,
        burstSeconds: +burstSeconds.toFixed(1),
        uploadP50Ms: ms(percentile(uploadTimes, 50)),
        uploadP95Ms: ms(percentile(uploadTimes, 95)),
        idleHealthP99Ms: ms(percentile(idle.health, 99)),
        idleDirectoryP95Ms: ms(percentile(idle.directory, 95)),
        healthP99Ms: ms(percentile(during.health, 99)),
        directoryP95Ms: ms(percentile(during.directory, 95)),
        healthMaxMs: ms(during.health.at(-1)),
        probes: during.health.length + during.directory.length,
        probeErrors: during.errors,
        budget: 'health p99 ≤ 50 ms, directory p95 ≤ 50 ms',
      }),
    );
  } finally {
    await server.stop();
  }
}
