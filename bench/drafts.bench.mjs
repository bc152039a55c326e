// Draft studio: a 12-megapixel JPEG (the astronaut fixture upscaled) uploaded through the API
// until its three styled variants' previews are ready; then re-renders of one variant (until its
// preview is ready); then unlocks, until the three HD images are made. Runs the BUILT app
// in this process so the API thread's event-loop delay can be measured exactly (render work
// happens in worker threads). Budgets (issue #12): upload → 3 variants p95 ≤ 60× the sharp floor
// measured here, re-render p95 ≤ 0.5 s, event-loop lag p99 ≤ 20 ms while rendering, RSS ≤ 600 MB.
// Run: npm run bench drafts   (BENCH_RUNS=10, DRAFT_RENDER_WORKERS=1; run.mjs sets the runtime
// flags `npm start` uses)
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { signUpAndLogIn } from './lib/accounts.mjs';
import { percentile } from './lib/server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const sharp = require('sharp');
const { createApp } = require(path.join(root, 'dist/server/bootstrap.js'));
const { loadConfig } = require(path.join(root, 'dist/server/config/app-config.js'));
const { PROCESSING_NOTICE_VERSION } = require(
  path.join(root, 'dist/shared/drafts/processing-notice.js'),
);

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-bench-drafts-'));
const app = await createApp(
  loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SEED_DEMO_DATA: 'false',
    SERVE_CLIENT: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  }),
);
await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;

// 12 MP: 3464 × 3464, a phone-sized JPEG.
const photo = await sharp(path.join(root, 'test/fixtures/astronaut.png'))
  .resize(3464, 3464, { kernel: 'lanczos3' })
  .jpeg({ quality: 90 })
  .toBuffer();

let peakRss = 0;
// The peak of each phase too: where the memory goes.
const phasePeaks = {};
let phasePeak = 0;
const rssTimer = setInterval(() => {
  const rss = process.memoryUsage.rss();
  peakRss = Math.max(peakRss, rss);
  phasePeak = Math.max(phasePeak, rss);
}, 25);
const endPhase = (name) => {
  phasePeaks[name] = Math.round(phasePeak / 1024 / 1024);
  phasePeak = 0;
};
const loop = monitorEventLoopDelay({ resolution: 5 });

const signUp = () =>
  signUpAndLogIn(`${base}/api`, {
    email: `bench${Date.now()}@example.com`,
    password: 'studio-light-42',
    name: 'Bench',
    role: 'client',
  });

const who = await signUp();
const headers = { cookie: who.cookie, 'x-csrf-token': who.csrf };

async function draft(id) {
  return (await fetch(`${base}/api/drafts/${id}`, { headers })).json();
}

async function until(id, done) {
  for (;;) {
    const d = await draft(id);
    if (d.status === 'failed') throw new Error(JSON.stringify(d.failure));
    if (done(d)) return d;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function uploadUntilReady() {
  const form = new FormData();
  form.append('consent', 'true');
  form.append('noticeVersion', PROCESSING_NOTICE_VERSION);
  form.append('photo', new Blob([photo], { type: 'image/jpeg' }), 'me.jpg');
  const started = performance.now();
  const response = await fetch(`${base}/api/drafts`, { method: 'POST', headers, body: form });
  const accepted = performance.now() - started;
  if (response.status !== 202)
    throw new Error(`upload: ${response.status} ${await response.text()}`);
  const { id } = await response.json();
  const ready = await until(
    id,
    (d) => d.status === 'ready' && d.variants.every((v) => v.status === 'ready'),
  );
  return { id, ms: performance.now() - started, acceptedMs: accepted, variants: ready.variants };
}

// Warm-up (worker start, model load), not measured.
const warm = await uploadUntilReady();

endPhase('warmUp');
loop.enable();
const uploads = [];
for (let i = 0; i < RUNS; i += 1) uploads.push(await uploadUntilReady());
endPhase('uploads');
const rerenders = [];
const rerenderWork = [];
for (let i = 0; i < RUNS; i += 1) {
  const started = performance.now();
  const response = await fetch(`${base}/api/drafts/${warm.id}/variants`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      style: 'professional',
      params: { backdropColor: i % 2 ? '#1f4e79' : '#5b6770' },
    }),
  });
  const variant = await response.json();
  const done = await until(
    warm.id,
    (d) => d.variants.find((v) => v.id === variant.id)?.status === 'ready',
  );
  rerenders.push(performance.now() - started);
  rerenderWork.push(done.variants.find((v) => v.id === variant.id).renderMs);
}
endPhase('rerenders');
// Re-renders that change the framing (crop or straightening): the worker cuts the photo out
// again instead of re-using the cut-out of the last look (six framings, more than it keeps).
const framings = ['1:1', '4:5', '3:2'].flatMap((crop) => [
  { crop, straighten: true },
  { crop, straighten: false },
]);
const reframes = [];
for (let i = 0; i < RUNS; i += 1) {
  const started = performance.now();
  const response = await fetch(`${base}/api/drafts/${warm.id}/variants`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ style: 'creative', params: framings[i % framings.length] }),
  });
  const variant = await response.json();
  await until(warm.id, (d) => d.variants.find((v) => v.id === variant.id)?.status === 'ready');
  reframes.push(performance.now() - started);
}
endPhase('newFramings');
// Unlocking: the HD images are made after the previews, once someone may download them.
const hdRuns = [];
for (const { id } of uploads.slice(0, Math.min(RUNS, 5))) {
  const started = performance.now();
  const response = await fetch(`${base}/api/drafts/${id}/unlock`, { method: 'POST', headers });
  if (response.status !== 200) throw new Error(`unlock: ${response.status}`);
  await until(id, (d) => d.variants.every((v) => v.status !== 'ready' || v.hdStatus === 'ready'));
  hdRuns.push(performance.now() - started);
}
endPhase('hd');
loop.disable();

// The floor: sharp alone, decode → resize to the preview size → encode, same file.
const floor = [];
for (let i = 0; i < RUNS; i += 1) {
  const started = performance.now();
  await sharp(photo).resize(1024, 1024, { fit: 'inside' }).jpeg({ quality: 84 }).toBuffer();
  floor.push(performance.now() - started);
}

clearInterval(rssTimer);
const sorted = (a) => [...a].sort((x, y) => x - y);
const ms = (v) => Math.round(v);
const up = sorted(uploads.map((u) => u.ms));
const re = sorted(rerenders);
const fl = sorted(floor);
console.log(
  JSON.stringify({
    bench: 'drafts',
    runs: RUNS,
    workers: Number(process.env.DRAFT_RENDER_WORKERS ?? 1),
    photo: '3464×3464 JPEG (12 MP)',
    uploadTo3VariantsMs: {
      p50: ms(percentile(up, 50)),
      p95: ms(percentile(up, 95)),
      max: ms(up.at(-1)),
      // The budget: p95 ≤ 60× the floor's median, both measured in this run.
      p95OverFloor: +(percentile(up, 95) / percentile(fl, 50)).toFixed(1),
    },
    uploadAcceptedMs: { p50: ms(percentile(sorted(uploads.map((u) => u.acceptedMs)), 50)) },
    rerenderOneVariantMs: { p50: ms(percentile(re, 50)), p95: ms(percentile(re, 95)) },
    rerenderWorkerMs: { p50: ms(percentile(sorted(rerenderWork), 50)) },
    rerenderNewFramingMs: {
      p50: ms(percentile(sorted(reframes), 50)),
      p95: ms(percentile(sorted(reframes), 95)),
    },
    unlockTo3HdMs: {
      p50: ms(percentile(sorted(hdRuns), 50)),
      max: ms(sorted(hdRuns).at(-1)),
    },
    eventLoopLagMs: {
      p50: +(loop.percentile(50) / 1e6).toFixed(1),
      p99: +(loop.percentile(99) / 1e6).toFixed(1),
      max: +(loop.max / 1e6).toFixed(1),
    },
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    peakRssMbByPhase: phasePeaks,
    sharpFloorDecodeResizeEncodeMs: { p50: ms(percentile(fl, 50)), p95: ms(percentile(fl, 95)) },
    variantRenderMs: warm.variants.map((v) => `${v.style}:${v.renderMs}`),
  }),
);
await app.close();
rmSync(dataDir, { recursive: true, force: true });
