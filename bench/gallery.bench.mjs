// Delivery: (1) batch processing throughput of proofs — 24-megapixel JPEGs through the gallery
// image gateway (sniff, size check, private original without metadata, watermarked preview,
// thumbnail) with 1 and 2 images in flight on this machine; (2) the streamed ZIP of 50 finals
// downloaded over HTTP from the BUILT app: archive size and the process's peak RSS above its
// baseline (the archive is never assembled in memory, so this stays flat).
// Run: npm run build && node bench/gallery.bench.mjs   (BENCH_IMAGES=12, BENCH_FINALS=50)
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { signUpAndLogIn } from './lib/accounts.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const sharp = require('sharp');
const dist = (p) => require(path.join(root, 'dist', p));
const { createApp } = dist('server/bootstrap.js');
const { loadConfig } = dist('server/config/app-config.js');
const { GalleryImageGateway } = dist('server/modules/media/gallery-images.service.js');
const { ImageGateway } = dist('server/modules/media/image.service.js');
const { DataSource } = require('typeorm');

const IMAGES = Number(process.env.BENCH_IMAGES ?? 12);
const FINALS = Number(process.env.BENCH_FINALS ?? 50);
const MB = 1024 * 1024;

/** A 6000 × 4000 camera-like JPEG: a fixture upscaled with sensor-like noise (realistic size). */
async function photo24mp(source, quality) {
  const base = await sharp(path.join(root, 'test/fixtures', source))
    .resize(6000, 4000, { fit: 'cover', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const noise = await sharp({
    create: {
      width: 6000,
      height: 4000,
      channels: 3,
      noise: { type: 'gaussian', mean: 128, sigma: 10 },
    },
  })
    .raw()
    .toBuffer();
  const pixels = base.data;
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = Math.max(0, Math.min(255, pixels[i] + noise[i] - 128));
  return sharp(pixels, { raw: base.info }).jpeg({ quality }).toBuffer();
}

// ---------------------------------------------------------------- 1. proof batch throughput
const sources = ['astronaut.png', 'camera.png', 'chelsea.png', 'coffee.png'];
const inputs = [];
for (const source of sources) inputs.push(await photo24mp(source, 90));
const gateway = new GalleryImageGateway(new ImageGateway());
const blobDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-bench-gallery-'));

async function batch(parallel) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < IMAGES) {
      const i = next++;
      const made = await gateway.proof(inputs[i % inputs.length], {
        maxPixels: 40e6,
        watermark: 'Bench Studio',
      });
      // Stored as the service stores them (three files per proof).
      const dir = path.join(blobDir, String(i));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'original.jpg'), made.data);
      writeFileSync(path.join(dir, 'preview.jpg'), made.preview);
      writeFileSync(path.join(dir, 'thumb.jpg'), made.thumb);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    parallel,
    images: IMAGES,
    seconds: +seconds.toFixed(2),
    imagesPerSecond: +(IMAGES / seconds).toFixed(2),
  };
}

await gateway.proof(inputs[0], { maxPixels: 40e6, watermark: 'warm-up' });
const proofRuns = [await batch(1), await batch(2)];
const finalStarted = performance.now();
const final = await gateway.final(inputs[0], {
  maxPixels: 40e6,
  xmp: '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>',
});
const finalSeconds = (performance.now() - finalStarted) / 1000;
rmSync(blobDir, { recursive: true, force: true });

// ---------------------------------------------------------------- 2. ZIP of 50 finals over HTTP
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-bench-zip-'));
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
    NOTIFICATIONS_INTERVAL_SECONDS: '0',
    SCRYPT_LOG_N: '14',
  }),
);
await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;

const signUp = (role) =>
  signUpAndLogIn(
    `${base}/api`,
    {
      email: `${role}.${randomUUID()}@bench.test`,
      password: 'bench-password-42',
      name: `Bench ${role}`,
      role,
    },
    app,
  );
const write = (who, method, url, body) =>
  fetch(`${base}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: who.cookie, 'X-CSRF-Token': who.csrf },
    body: JSON.stringify(body),
  }).then((r) => r.json());

const photographer = await signUp('photographer');
const client = await signUp('client');
const profile = await write(photographer, 'PUT', '/api/photographers/me', {
  displayName: 'Bench Studio',
  bio: 'Benchmarks.',
  city: 'Berlin',
  studioAddress: 'Torstraße 1',
  timeZone: 'Europe/Berlin',
  styles: ['corporate'],
  published: true,
});
const pkg = await write(photographer, 'POST', '/api/photographers/me/packages', {
  name: 'Bench',
  description: 'Bench.',
  durationMinutes: 60,
  priceCents: 10000,
  currency: 'EUR',
  deposit: { kind: 'percent', percent: 30 },
  includedImages: FINALS,
  extraImagePriceCents: 0,
  deliveryDays: 5,
  location: 'studio',
  travelFeeCents: 0,
  active: true,
});

// A delivered booking with FINALS finals, written directly (the API only books the future).
const finalFile = path.join(dataDir, 'final.jpg');
writeFileSync(finalFile, final.data);
const ds = app.get(DataSource);
const bookingId = randomUUID();
const now = new Date();
const startsAt = new Date(now.getTime() - 3 * 86_400_000);
await ds.query(
  `INSERT INTO bookings (id, client_id, photographer_id, package_id, status, starts_at, ends_at, blocked_from, blocked_until, time_zone, price, policy, payment_provider, payment_status, amount_paid_cents, sequence, created_at, updated_at)
   VALUES (?, ?, ?, ?, 'delivered', ?, ?, ?, ?, 'Europe/Berlin', ?, ?, 'manual', 'due_at_studio', 0, 3, ?, ?)`,
  [
    bookingId,
    client.id,
    profile.id,
    pkg.id,
    startsAt.toISOString(),
    startsAt.toISOString(),
    startsAt.toISOString(),
    startsAt.toISOString(),
    JSON.stringify({
      packageName: 'Bench',
      durationMinutes: 60,
      location: 'studio',
      currency: 'EUR',
      packagePriceCents: 10000,
      travelFeeCents: 0,
      totalCents: 10000,
      depositCents: 3000,
      balanceCents: 7000,
      includedImages: FINALS,
      extraImagePriceCents: 0,
      deliveryDays: 5,
    }),
    JSON.stringify({
      bookingMode: 'instant',
      cancellationTiers: [],
      rescheduleCutoffHours: 24,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      timeZone: 'Europe/Berlin',
    }),
    now.toISOString(),
    now.toISOString(),
  ],
);
const crc = crc32(final.data) | 0;
for (let i = 0; i < FINALS; i++) {
  const id = randomUUID();
  const key = `galleries/${bookingId}/finals/${id}`;
  const dir = path.join(dataDir, 'blobs', ...key.split('/'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(finalFile, path.join(dir, 'original.jpg'));
  await ds.query(
    `INSERT INTO gallery_images (id, booking_id, kind, proof_id, file_name, original_key, preview_key, thumb_key, width, height, bytes, crc, selected, created_at)
     VALUES (?, ?, 'final', ?, ?, ?, ?, ?, 6000, 4000, ?, ?, 0, ?)`,
    [
      id,
      bookingId,
      randomUUID(),
      `final-${String(i + 1).padStart(2, '0')}.jpg`,
      `${key}/original.jpg`,
      `${key}/original.jpg`,
      `${key}/original.jpg`,
      final.data.length,
      crc,
      new Date(now.getTime() + i).toISOString(),
    ],
  );
}

const links = await (
  await fetch(`${base}/api/bookings/${bookingId}/gallery/downloads`, {
    headers: { Cookie: client.cookie },
  })
).json();
global.gc?.();
await new Promise((r) => setTimeout(r, 500));
const baselineRss = process.memoryUsage.rss();
let peakRss = baselineRss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
const zipStarted = performance.now();
const res = await fetch(`${base}${links.zip.url}`, { headers: { Cookie: client.cookie } });
let zipBytes = 0;
for await (const chunk of res.body) zipBytes += chunk.length;
const zipSeconds = (performance.now() - zipStarted) / 1000;
clearInterval(timer);
await app.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    bench: 'gallery',
    cpus: os.cpus().length,
    proofInputMB: +(inputs.reduce((t, b) => t + b.length, 0) / inputs.length / MB).toFixed(1),
    proofs: proofRuns,
    finalWithXmpSeconds: +finalSeconds.toFixed(2),
    zip: {
      finals: FINALS,
      finalMB: +(final.data.length / MB).toFixed(1),
      archiveMB: +(zipBytes / MB).toFixed(0),
      status: res.status,
      seconds: +zipSeconds.toFixed(2),
      baselineRssMB: Math.round(baselineRss / MB),
      peakRssMB: Math.round(peakRss / MB),
      peakAboveBaselineMB: Math.round((peakRss - baselineRss) / MB),
    },
  }),
);
