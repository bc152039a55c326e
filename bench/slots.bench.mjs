#!/usr/bin/env node
// Slots and booking contention benchmark (docs/design.md §10). Uses the compiled server:
//   npm run build:server && node bench/slots.bench.mjs [--postgres postgres://postgres@127.0.0.1:5432/postgres]
// Prints p50/p95 of the slot function in-process and of GET /slots over HTTP (31 days, 200
// existing bookings), and booking contention throughput (rounds of 50 simultaneous holds of one
// slot) on SQLite and, when given, PostgreSQL. Bounded: everything stays on loopback.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { signUpAndLogIn } from './lib/accounts.mjs';
import { weeklyRules } from './lib/slot-rules.mjs';

const require = createRequire(import.meta.url);
const dist = path.resolve(import.meta.dirname, '../dist/server');
require('reflect-metadata');
const { computeSlots } = require(`${dist}/../shared/photographers/slots.js`);
const { createApp } = require(`${dist}/bootstrap.js`);
const { loadConfig } = require(`${dist}/config/app-config.js`);
const { DataSource } = require('typeorm');

const DAY = 86_400_000;
const argPg = process.argv.indexOf('--postgres');
const postgresUrl = argPg > 0 ? process.argv[argPg + 1] : undefined;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v) => `${v.toFixed(2)} ms`;

/** 200 non-overlapping one-hour bookings spread over the 31 days. */
function existingBookings(start) {
  const busy = [];
  for (let i = 0; i < 200; i += 1) {
    const day = Math.floor(i / 7);
    const from = start + day * DAY + (7 + (i % 7) * 2) * 3_600_000;
    busy.push({ from: new Date(from - 15 * 60_000), until: new Date(from + 75 * 60_000) });
  }
  return busy;
}

function inProcess() {
  const now = Date.parse('2025-03-01T00:00:00Z');
  const busy = existingBookings(now);
  const request = {
    durationMinutes: 60,
    from: new Date(now),
    to: new Date(now + 31 * DAY),
    now: new Date(now),
    busy,
  };
  const rules = weeklyRules();
  for (let i = 0; i < 20; i += 1) computeSlots(rules, request);
  const times = [];
  let count = 0;
  for (let i = 0; i < 300; i += 1) {
    const t0 = performance.now();
    count = computeSlots(rules, request).length;
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), slots: count };
}

async function startServer(databaseEnv) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    SERVE_CLIENT: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    SCRYPT_LOG_N: '14',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: 'bench-admin@example.com',
    ADMIN_PASSWORD: 'bench-admin-password',
    ...databaseEnv(dataDir),
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api`;
  appsByBase.set(base, app);
  return {
    app,
    base,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function call(base, method, url, who, body) {
  const headers = { 'content-type': 'application/json' };
  if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf });
  const response = await fetch(`${base}${url}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

/** In-process apps by API root, so sign-up can follow the emailed verification link. */
const appsByBase = new Map();

const signUp = (base, role, n) =>
  signUpAndLogIn(
    base,
    {
      email: `bench-${role}-${n}-${randomUUID().slice(0, 8)}@example.com`,
      password: 'bench-password-123',
      name: `Bench ${n}`,
      role,
    },
    appsByBase.get(base),
  );

async function listedPhotographer(base) {
  const who = await signUp(base, 'photographer', 0);
  const profile = await call(base, 'PUT', '/photographers/me', who, {
    displayName: 'Bench Studio',
    city: 'Berlin',
    timeZone: 'Europe/Berlin',
    published: true,
  });
  const rules = weeklyRules();
  await call(base, 'PUT', '/photographers/me/availability', who, {
    weekly: rules.weekly.map((w) => ({
      weekday: w.weekday,
      start: hhmm(w.startMinute),
      end: hhmm(w.endMinute),
    })),
    overrides: [],
    policy: {
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 60,
      horizonDays: 90,
      slotStepMinutes: 15,
      bookingMode: 'instant',
      cancellationTiers: [],
      rescheduleCutoffHours: 24,
    },
  });
  const pkg = await call(base, 'POST', '/photographers/me/packages', who, {
    name: 'Bench',
    durationMinutes: 60,
    priceCents: 10_000,
    currency: 'EUR',
    deposit: { kind: 'percent', percent: 30 },
    includedImages: 3,
    extraImagePriceCents: 1_000,
    deliveryDays: 5,
    location: 'studio',
  });
  const admin = await call(base, 'POST', '/auth/login', null, {
    email: 'bench-admin@example.com',
    password: 'bench-admin-password',
  });
  const adminWho = {
    cookie: admin.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: admin.body.csrfToken,
  };
  await call(base, 'POST', `/admin/photographers/${profile.body.id}/approve`, adminWho);
  return { who, profileId: profile.body.id, packageId: pkg.body.id };
}

const hhmm = (m) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

async function overHttp(server) {
  const studio = await listedPhotographer(server.base);
  const client = await signUp(server.base, 'client', 1);
  // 200 confirmed bookings through the API, on free slots over the 31 days.
  const from = new Date(Date.now() + 2 * DAY).toISOString();
  const to = new Date(Date.now() + 33 * DAY).toISOString();
  const { body } = await call(
    server.base,
    'GET',
    `/photographers/${studio.profileId}/slots?packageId=${studio.packageId}&from=${from}&to=${to}`,
  );
  let made = 0;
  for (let i = 0; made < 200 && i < body.slots.length; i += 1) {
    const held = await call(server.base, 'POST', '/bookings', client, {
      packageId: studio.packageId,
      startsAt: body.slots[i],
    });
    if (held.status === 201) made += 1;
  }
  const url = `/photographers/${studio.profileId}/slots?packageId=${studio.packageId}&from=${from}&to=${new Date(Date.parse(from) + 31 * DAY).toISOString()}`;
  for (let i = 0; i < 10; i += 1) await call(server.base, 'GET', url);
  const times = [];
  for (let i = 0; i < 200; i += 1) {
    const t0 = performance.now();
    const r = await call(server.base, 'GET', url);
    times.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`slots answered ${r.status}`);
  }
  return { bookings: made, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function contention(server, rounds = 10) {
  const studio = await listedPhotographer(server.base);
  const clients = [];
  for (let i = 0; i < 50; i += 1) clients.push(await signUp(server.base, 'client', i));
  const from = new Date(Date.now() + 2 * DAY).toISOString();
  const { body } = await call(
    server.base,
    'GET',
    `/photographers/${studio.profileId}/slots?packageId=${studio.packageId}&from=${from}`,
  );
  let requests = 0;
  let oneWinnerRounds = 0;
  const t0 = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const startsAt = body.slots[round * 8];
    const results = await Promise.all(
      clients.map((who) =>
        call(server.base, 'POST', '/bookings', who, { packageId: studio.packageId, startsAt }),
      ),
    );
    requests += results.length;
    // A client who already holds three slots is refused by the per-client limit, not the race.
    const lost = ['SLOT_TAKEN', 'TOO_MANY_HOLDS', 'TOO_MANY_BOOKINGS_WITH_PHOTOGRAPHER'];
    if (
      results.filter((r) => r.status === 201).length === 1 &&
      results.every((r) => r.status === 201 || lost.includes(r.body.code))
    )
      oneWinnerRounds += 1;
  }
  const seconds = (performance.now() - t0) / 1000;
  const ds = server.app.get(DataSource);
  const [row] =
    await ds.query(`SELECT COUNT(*) AS n FROM bookings a JOIN bookings b ON a.photographer_id = b.photographer_id AND a.id < b.id
    WHERE a.status IN ('held','requested','confirmed','rescheduled') AND b.status IN ('held','requested','confirmed','rescheduled')
      AND a.blocked_from < b.blocked_until AND b.blocked_from < a.blocked_until`);
  return {
    rounds,
    requests,
    perSecond: requests / seconds,
    oneWinnerRounds,
    overlaps: Number(row.n),
  };
}

async function withPostgres(url, fn) {
  const name = `lensbridge_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await fn(target.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const report = { bench: 'slots' };
console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}`);
const local = inProcess();
report.inProcess = local;
console.log(
  `slots in-process (31 days, 200 bookings, ${local.slots} slots): p50 ${ms(local.p50)}, p95 ${ms(local.p95)}`,
);

const sqlite = await startServer((dir) => ({
  DATABASE_URL: '',
  SQLITE_PATH: path.join(dir, 'bench.sqlite'),
}));
try {
  const http = await overHttp(sqlite);
  report.httpSqlite = http;
  console.log(
    `slots over HTTP, SQLite (31 days, ${http.bookings} bookings): p50 ${ms(http.p50)}, p95 ${ms(http.p95)}`,
  );
  const c = await contention(sqlite);
  report.contentionSqlite = c;
  console.log(
    `contention, SQLite: ${c.requests} holds in ${c.rounds} rounds of 50 → ${c.perSecond.toFixed(0)} req/s; rounds with exactly one winner ${c.oneWinnerRounds}/${c.rounds}; overlapping active bookings ${c.overlaps}`,
  );
} finally {
  await sqlite.close();
}
if (postgresUrl) {
  await withPostgres(postgresUrl, async (url) => {
    const server = await startServer(() => ({ DATABASE_URL: url }));
    try {
      const http = await overHttp(server);
      report.httpPostgres = http;
      console.log(
        `slots over HTTP, PostgreSQL (31 days, ${http.bookings} bookings): p50 ${ms(http.p50)}, p95 ${ms(http.p95)}`,
      );
      const c = await contention(server);
      report.contentionPostgres = c;
      console.log(
        `contention, PostgreSQL: ${c.requests} holds in ${c.rounds} rounds of 50 → ${c.perSecond.toFixed(0)} req/s; rounds with exactly one winner ${c.oneWinnerRounds}/${c.rounds}; overlapping active bookings ${c.overlaps}`,
      );
    } finally {
      await server.close();
    }
  });
}
console.log(JSON.stringify(report));
process.exit(0);
