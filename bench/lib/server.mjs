// Starts the built server (dist/) on a free port with a fresh SQLite database, for benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEnv, startNodeFlags } from './start-settings.mjs';

const root = path.resolve(import.meta.dirname, '../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A fresh PostgreSQL database for one bench run (BENCH_DATABASE_URL names the server's admin
 * database): its URL, and `drop()`.
 */
export async function freshPostgres() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `lensbridge_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The Redis benchmarks use (BENCH_REDIS_URL). */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Starts `dist/server/<entry>.js` (the all-in-one `main` by default). `topology: 'scaled'`
 * starts an API-only process and `workers` worker processes on the same data folder and
 * SQLite file (or the DATABASE_URL/REDIS_URL in `env`).
 */
export async function startServer(env = {}, { topology = 'all', workers = 1 } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-bench-'));
  const entry = topology === 'scaled' ? 'dist/server/api.js' : 'dist/server/main.js';
  // BENCH_NODE_ARGS: extra node flags for the server (e.g. --cpu-prof to profile a bench).
  // The flags the npm start scripts use come first.
  const nodeArgs = [
    ...startNodeFlags,
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const processEnv = {
    ...startEnv,
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    SEED_DEMO_DATA: 'true',
    ...env,
  };
  const spawnEntry = (file) =>
    spawn(process.execPath, [...nodeArgs, file], {
      cwd: root,
      detached: true,
      stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
      env: processEnv,
    });
  const child = spawnEntry(entry);
  const children = [child];
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Workers start once the API has migrated and seeded the database.
  if (topology === 'scaled') {
    for (let i = 0; i < workers; i += 1) children.push(spawnEntry('dist/server/worker.js'));
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      await Promise.all(
        children.map((c) => {
          const exited = new Promise((r) => c.once('exit', r));
          process.kill(-c.pid, 'SIGTERM');
          return exited;
        }),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function login(url, email, password = 'lensbridge-demo') {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: (await response.json()).csrfToken };
}
