import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../server/bootstrap';
import { TravellingClock } from '../../server/common/clock';
import { type AppConfig, loadConfig } from '../../server/config/app-config';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** 'sqlite' by default; 'postgres' when TEST_DATABASE_URL is set. */
  dialect: 'sqlite' | 'postgres';
  /**
   * The time the app's services read: the machine's until a test moves it (`travelTo`,
   * `advance`), so a test says "an hour after the session started" instead of editing rows.
   */
  clock: TravellingClock;
  close(): Promise<void>;
}

/**
 * The whole application, exactly as `main.ts` builds it, on a fresh database of its own:
 * a temporary SQLite file, or a new PostgreSQL database when TEST_DATABASE_URL is set
 * (the e2e suites run once per engine in CI).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    postgres?: boolean;
    /** Reach the database through another address (a relay a test can interrupt). */
    viaDatabaseUrl?: (url: string) => string;
  } = {},
): Promise<TestApp> {
  const database = await freshDatabase(options.postgres ? TEST_POSTGRES_URL : undefined);
  if (options.viaDatabaseUrl && database.env.DATABASE_URL) {
    database.env.DATABASE_URL = options.viaDatabaseUrl(database.env.DATABASE_URL);
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    SERVE_CLIENT: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    // Suites upload many drafts from one account; the fair-use suite sets its own limits.
    DRAFT_UPLOADS_PER_HOUR: '1000',
    DRAFT_MAX_IN_FLIGHT: '1000',
    // Suites book many slots as one client; the booking-limits suite sets its own limits.
    BOOKING_MAX_ACTIVE_HOLDS: '1000',
    BOOKING_MAX_PER_PHOTOGRAPHER: '1000',
    // Suites run the refund retry job by hand: its timer could take a fault a test injected.
    REFUND_RETRY_SECONDS: '0',
    CALENDAR_SYNC_MINUTES: '0',
    CALENDAR_ALLOW_PRIVATE_ADDRESSES: 'true',
    // Suites move the app's clock (which sessions read) up to seven weeks ahead: sessions signed
    // in before the trip must still be live after it.
    SESSION_TTL_HOURS: String(24 * 90),
    DATA_DIR: database.dataDir,
    ...database.env,
    ...env,
  });
  const clock = new TravellingClock();
  const app = await createApp(config, clock);
  await app.init();
  appsByServer.set(app.getHttpServer() as object, app);
  return {
    app,
    config,
    dialect: database.dialect,
    clock,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

const appsByServer = new WeakMap<object, NestExpressApplication>();

/** The app behind a test's HTTP server (helpers that take `server` read its outbox through it). */
export function appOf(server: unknown): NestExpressApplication {
  const app = appsByServer.get(server as object);
  if (!app) throw new Error('Not the HTTP server of an app started with startTestApp');
  return app;
}

/** Environment for a second process of the same deployment: `app`'s database, data and blobs. */
export function sameDeploymentEnv(app: TestApp): Record<string, string> {
  const database = app.config.database;
  return {
    DATA_DIR: app.config.dataDir,
    BLOB_DIR: app.config.storage.blobDir,
    ...(database.type === 'sqlite'
      ? { DATABASE_URL: '', SQLITE_PATH: database.path }
      : { DATABASE_URL: database.url }),
  };
}

/** Polls `check` until it is true (or fails after `timeoutMs`). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface FreshDatabase {
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** PostgreSQL for suites that need it whatever the engine of the run (outages, processes). */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new, empty database: SQLite in a temporary folder, or PostgreSQL at `adminUrl`. */
export async function freshDatabase(
  adminUrl = process.env.TEST_DATABASE_URL,
): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!adminUrl) {
    return {
      dialect: 'sqlite',
      dataDir,
      env: { DATABASE_URL: '', SQLITE_PATH: path.join(dataDir, 'test.sqlite') },
      drop: async () => removeDir(),
    };
  }
  const name = `lensbridge_e2e_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgres',
    dataDir,
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
      removeDir();
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
