import os from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type z } from 'zod';
import { type Environment, environmentSchema } from './config.schema';

/** An S3-compatible bucket for blobs (`BLOB_STORAGE=s3`). */
export interface S3StorageConfig {
  /** For S3-compatible servers (MinIO, s3rver…); absent = AWS. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** Where blobs live: `blobDir` (the embedded default), or the bucket when `s3` is set. */
export interface StorageConfig {
  blobDir: string;
  s3: S3StorageConfig | null;
}

/** What one client may hold or book at once (one account must not take a photographer's day). */
export interface ClientBookingLimits {
  /** Unexpired holds at once, across photographers. */
  maxActiveHolds: number;
  /** Upcoming bookings (held, requested, confirmed) with one photographer. */
  maxPerPhotographer: number;
}

/** Redis for the BullMQ queues and the shared limits (`REDIS_URL`); absent = embedded. */
export interface RedisConfig {
  url: string;
  /** Namespaces every key (queues, limits), so several deployments or test runs can share one server. */
  prefix: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * What this process does: `all` (the embedded default: HTTP, renders and scheduled work),
 * `api` (HTTP only: no render workers, no timers) or `worker` (renders and scheduled work, no
 * HTTP).
 */
export type ProcessRole = 'api' | 'worker' | 'all';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  role: ProcessRole;
  /** False for an `api` process: render queues, sweeps and other timers run elsewhere. */
  backgroundWork: boolean;
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database:
    | { type: 'sqlite'; path: string; logging: boolean }
    | { type: 'postgres'; url: string; logging: boolean };
  session: {
    ttlHours: number;
    cookieSecure: boolean;
  };
  auth: {
    scryptLogN: number;
    rateLimitPerMinute: number;
  };
  payments: PaymentsConfig;
  storage: StorageConfig;
  /** Set: renders and scheduled work go through BullMQ, log-in limits are counted in Redis. */
  redis: RedisConfig | null;
  /** Uploads are streamed to files in `tmpDir` (removed when the request ends), never held whole. */
  /** `concurrency`: upload bodies one process reads at once (the rest wait their turn, unread). */
  uploads: { maxBytes: number; maxPixels: number; tmpDir: string; concurrency: number };
  /** Proofs' and finals' renditions: through BullMQ to worker processes when Redis is set. */
  galleryRenditions: {
    /** Renditions this process makes at once from the queue; 0 = none (an API-only node). */
    concurrency: number;
    /** How long an upload waits for a worker to make its renditions before a 503. */
    waitMs: number;
  };
  /** Fair use of photographers' calendars, per client. */
  bookings: ClientBookingLimits;
  drafts: {
    /** Render worker threads; 0 = do not render in this process (an API-only node). */
    workers: number;
    /** Render jobs this process runs at once (one more than `workers` lets a re-render slot in). */
    concurrency: number;
    retentionDays: number;
    sourceMaxHours: number;
    sweepMinutes: number;
    /** Fair use per account, counted in the database (holds across processes). */
    fairUse: {
      uploadsPerHour: number;
      /** Drafts queued or processing at once. */
      maxInFlight: number;
      rerendersPerHour: number;
      /** Re-renders queued or rendering at once. */
      maxRerendersInFlight: number;
    };
  };
  http: { jsonBodyLimit: string; trustProxy: boolean | number | string };
  delivery: {
    /** HMAC key for expiring download links of finals. */
    linkSecret: string;
    linkTtlMinutes: number;
  };
  /** Photographers' own calendars (issue #15). */
  calendars: {
    /** Encrypts CalDAV passwords at rest. */
    secretKey: string;
    /** How often every connected calendar is read (and bookings written); 0 = never on a timer. */
    syncMinutes: number;
    /** Tests and development only: let calendar URLs reach loopback and private addresses. */
    allowPrivateAddresses: boolean;
    fetchTimeoutMs: number;
    maxBytes: number;
  };
  /**
   * Content Credentials (C2PA) on every image we produce (issue #17). With both PEMs set, they
   * sign; otherwise (development and tests only) a self-signed chain is made at first start in
   * `developmentChainFile` and the pages say the images carry a development certificate.
   */
  provenance: {
    signingCertPem?: string;
    signingKeyPem?: string;
    developmentChainFile: string;
    /** Roots whose signers the verify route reports as trusted (e.g. the C2PA trust list). */
    trustAnchorsPem?: string;
  };
  /** `smtpUrl` set: emails go to that SMTP server (a copy stays in the outbox folder). */
  mail: { from: string; outboxDir: string; smtpUrl?: string };
  /** How often the email jobs run; 0 = never on a timer (tests run them by hand). */
  notifications: { intervalSeconds: number };
  admin?: { email: string; password: string };
  seedDemoData: boolean;
  client: { serve: boolean; distDir: string };
  log: { level: LogLevel; format: 'json' | 'pretty' };
}

export interface PaymentsConfig {
  /** `stripe` when STRIPE_SECRET_KEY is set, else `manual` (pay at the studio). */
  provider: 'stripe' | 'manual';
  currency: string;
  platformFeePercent: number;
  /** What unlocking a draft's HD images costs, in minor units of `currency`. */
  draftUnlockPriceCents: number;
  /** How often failed refunds are retried; 0 = never on a timer (tests run them by hand). */
  refundRetrySeconds: number;
  stripe?: {
    secretKey: string;
    webhookSecrets: string[];
    /** Tests and development only: send the SDK to a local server. */
    apiBase?: URL;
  };
}

/** Development and tests only: production refuses to start without DOWNLOAD_LINK_SECRET. */
const DEVELOPMENT_LINK_SECRET = 'lensbridge-development-download-links-not-secret';
/** Development and tests only: production refuses to start without CALENDAR_SECRET_KEY. */
const DEVELOPMENT_CALENDAR_KEY = 'lensbridge-development-calendar-passwords-not-secret';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once and turns it into the typed configuration. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = environmentSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(describeIssues(parsed.error));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    problems.push('STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set');
  }
  if (e.STRIPE_API_BASE && production) {
    problems.push('STRIPE_API_BASE: only for tests and development, never in production');
  }
  if (production && !e.DOWNLOAD_LINK_SECRET) {
    problems.push('DOWNLOAD_LINK_SECRET: required in production (signs download links)');
  }
  if (production && !e.CALENDAR_SECRET_KEY) {
    problems.push('CALENDAR_SECRET_KEY: required in production (encrypts CalDAV passwords)');
  }
  if (production && !(e.C2PA_SIGNING_CERT && e.C2PA_SIGNING_KEY)) {
    problems.push(
      'C2PA_SIGNING_CERT, C2PA_SIGNING_KEY: required in production (sign Content Credentials)',
    );
  } else if (!e.C2PA_SIGNING_CERT !== !e.C2PA_SIGNING_KEY) {
    problems.push('C2PA_SIGNING_CERT, C2PA_SIGNING_KEY: set both or neither');
  }
  const c2paCert = pemOrFile('C2PA_SIGNING_CERT', e.C2PA_SIGNING_CERT, problems);
  const c2paKey = pemOrFile('C2PA_SIGNING_KEY', e.C2PA_SIGNING_KEY, problems);
  const c2paTrust = pemOrFile('C2PA_TRUST_ANCHORS', e.C2PA_TRUST_ANCHORS, problems);
  if (production && e.CALENDAR_ALLOW_PRIVATE_ADDRESSES) {
    problems.push('CALENDAR_ALLOW_PRIVATE_ADDRESSES: only for tests and development');
  }
  if (e.BLOB_STORAGE === 's3' && !e.S3_BUCKET) {
    problems.push('S3_BUCKET: required when BLOB_STORAGE=s3');
  }
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    role: e.PROCESS_ROLE,
    backgroundWork: e.PROCESS_ROLE !== 'api',
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    dataDir,
    database: e.DATABASE_URL
      ? { type: 'postgres', url: e.DATABASE_URL, logging: e.DATABASE_LOGGING }
      : {
          type: 'sqlite',
          path: e.SQLITE_PATH ?? path.join(dataDir, 'lensbridge.sqlite'),
          logging: e.DATABASE_LOGGING,
        },
    session: {
      ttlHours: e.SESSION_TTL_HOURS,
      cookieSecure: e.COOKIE_SECURE ?? production,
    },
    auth: { scryptLogN: e.SCRYPT_LOG_N, rateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE },
    payments: paymentsConfig(e),
    storage: {
      blobDir: path.resolve(e.BLOB_DIR ?? path.join(dataDir, 'blobs')),
      s3:
        e.BLOB_STORAGE === 's3'
          ? {
              endpoint: e.S3_ENDPOINT,
              region: e.S3_REGION,
              bucket: e.S3_BUCKET!,
              accessKeyId: e.S3_ACCESS_KEY_ID,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY,
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
            }
          : null,
    },
    bookings: {
      maxActiveHolds: e.BOOKING_MAX_ACTIVE_HOLDS,
      maxPerPhotographer: e.BOOKING_MAX_PER_PHOTOGRAPHER,
    },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
    uploads: {
      maxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
      maxPixels: Math.round(e.IMAGE_MAX_MEGAPIXELS * 1e6),
      tmpDir: path.resolve(e.UPLOAD_TMP_DIR ?? path.join(os.tmpdir(), 'lensbridge-uploads')),
      concurrency: e.UPLOAD_CONCURRENCY,
    },
    galleryRenditions: {
      concurrency: e.PROCESS_ROLE === 'api' ? 0 : e.GALLERY_RENDITION_CONCURRENCY,
      waitMs: Math.round(e.GALLERY_RENDITION_WAIT_SECONDS * 1000),
    },
    drafts: {
      workers: e.PROCESS_ROLE === 'api' ? 0 : e.DRAFT_RENDER_WORKERS,
      concurrency: e.DRAFT_RENDER_CONCURRENCY ?? e.DRAFT_RENDER_WORKERS + 1,
      retentionDays: e.DRAFT_RETENTION_DAYS,
      sourceMaxHours: e.DRAFT_SOURCE_MAX_HOURS,
      sweepMinutes: e.DRAFT_SWEEP_MINUTES,
      fairUse: {
        uploadsPerHour: e.DRAFT_UPLOADS_PER_HOUR,
        maxInFlight: e.DRAFT_MAX_IN_FLIGHT,
        rerendersPerHour: e.DRAFT_RERENDERS_PER_HOUR,
        maxRerendersInFlight: e.DRAFT_MAX_RERENDERS_IN_FLIGHT,
      },
    },
    http: { jsonBodyLimit: e.JSON_BODY_LIMIT, trustProxy: parseTrustProxy(e.TRUST_PROXY) },
    delivery: {
      linkSecret: e.DOWNLOAD_LINK_SECRET ?? DEVELOPMENT_LINK_SECRET,
      linkTtlMinutes: e.DOWNLOAD_LINK_TTL_MINUTES,
    },
    calendars: {
      secretKey: e.CALENDAR_SECRET_KEY ?? DEVELOPMENT_CALENDAR_KEY,
      syncMinutes: e.CALENDAR_SYNC_MINUTES,
      allowPrivateAddresses: e.CALENDAR_ALLOW_PRIVATE_ADDRESSES,
      fetchTimeoutMs: Math.round(e.CALENDAR_FETCH_TIMEOUT_SECONDS * 1000),
      maxBytes: Math.round(e.CALENDAR_MAX_MB * 1024 * 1024),
    },
    provenance: {
      signingCertPem: c2paCert,
      signingKeyPem: c2paKey,
      developmentChainFile: path.join(dataDir, 'c2pa', 'development-signer.pem'),
      trustAnchorsPem: c2paTrust,
    },
    mail: {
      from: e.MAIL_FROM,
      outboxDir: path.resolve(e.MAIL_OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
      smtpUrl: e.SMTP_URL,
    },
    notifications: { intervalSeconds: e.NOTIFICATIONS_INTERVAL_SECONDS },
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }
        : undefined,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    client: { serve: e.SERVE_CLIENT, distDir: path.resolve(e.CLIENT_DIST_DIR) },
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (production ? 'json' : 'pretty') },
  };
}

function paymentsConfig(e: Environment): PaymentsConfig {
  const common = {
    currency: e.CURRENCY,
    platformFeePercent: e.PLATFORM_FEE_PERCENT,
    draftUnlockPriceCents: e.DRAFT_UNLOCK_PRICE_CENTS,
    refundRetrySeconds: e.REFUND_RETRY_SECONDS,
  };
  if (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET) return { provider: 'manual', ...common };
  return {
    provider: 'stripe',
    ...common,
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecrets: [e.STRIPE_WEBHOOK_SECRET, e.STRIPE_CONNECT_WEBHOOK_SECRET].filter(
        (secret): secret is string => Boolean(secret),
      ),
      apiBase: e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : undefined,
    },
  };
}

/** Express's `trust proxy`: a boolean, a hop count, or addresses/subnets. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') result[key] = value;
  }
  return result;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** A PEM given inline (`\n` escapes allowed), or the path of a file holding it. */
function pemOrFile(
  name: string,
  value: string | undefined,
  problems: string[],
): string | undefined {
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN')) return value.replaceAll('\\n', '\n');
  try {
    return readFileSync(path.resolve(value), 'utf8');
  } catch {
    problems.push(`${name}: neither a PEM nor a readable file (${value})`);
    return undefined;
  }
}
