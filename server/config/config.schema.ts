import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Every environment variable the server reads, with its default. This is the only place that
 * knows variable names; the rest of the server receives the typed `AppConfig`.
 */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PROCESS_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SQLITE_PATH: z.string().min(1).optional(),
  DATABASE_LOGGING: booleanFromEnv.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  COOKIE_SECURE: booleanFromEnv.optional(),
  SCRYPT_LOG_N: z.coerce.number().int().min(14).max(20).default(17),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\w.:/, -]+)$/, 'true, false, a hop count or a list of addresses')
    .default('false'),
  JSON_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb')
    .default('100kb'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  BLOB_DIR: z.string().min(1).optional(),
  BLOB_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'a bucket name (3–63 lower-case letters, digits, dots, dashes)',
    )
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFromEnv.default(false),
  UPLOAD_MAX_MB: z.coerce.number().min(1).max(200).default(20),
  UPLOAD_TMP_DIR: z.string().min(1).optional(),
  UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(8),
  // Read by server/threadpool.ts before the config exists; validated here so a bad value stops the boot.
  THREADPOOL_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
  IMAGE_MAX_MEGAPIXELS: z.coerce.number().min(1).max(200).default(40),
  DRAFT_RENDER_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  BOOKING_MAX_ACTIVE_HOLDS: z.coerce.number().int().min(1).max(100_000).default(3),
  BOOKING_MAX_PER_PHOTOGRAPHER: z.coerce.number().int().min(1).max(100_000).default(6),
  DRAFT_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  GALLERY_RENDITION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  GALLERY_RENDITION_WAIT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'a redis:// or rediss:// URL')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.-]{1,40}$/, 'letters, digits, dots, dashes or underscores (at most 40)')
    .default('lensbridge'),
  DRAFT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DRAFT_SOURCE_MAX_HOURS: z.coerce.number().min(0.01).max(24).default(24),
  DRAFT_SWEEP_MINUTES: z.coerce.number().min(0.01).max(1440).default(15),
  DRAFT_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  DRAFT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(3),
  DRAFT_RERENDERS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(300),
  DRAFT_MAX_RERENDERS_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(6),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_/, 'must start with sk_test_ or sk_live_')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, 'must start with whsec_')
    .optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, 'must start with whsec_')
    .optional(),
  STRIPE_API_BASE: z.url().optional(),
  DRAFT_UNLOCK_PRICE_CENTS: z.coerce.number().int().min(0).max(100_000).default(900),
  PLATFORM_FEE_PERCENT: z.coerce.number().min(0).max(50).default(15),
  CURRENCY: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, 'an ISO 4217 code like EUR')
    .transform((c) => c.toUpperCase())
    .default('EUR'),
  REFUND_RETRY_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  DOWNLOAD_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  DOWNLOAD_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  CALENDAR_SECRET_KEY: z.string().min(32, 'at least 32 characters').optional(),
  CALENDAR_SYNC_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  CALENDAR_ALLOW_PRIVATE_ADDRESSES: booleanFromEnv.default(false),
  CALENDAR_FETCH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(15),
  CALENDAR_MAX_MB: z.coerce.number().min(0.1).max(100).default(5),
  C2PA_SIGNING_CERT: z.string().min(1).optional(),
  C2PA_SIGNING_KEY: z.string().min(1).optional(),
  C2PA_TRUST_ANCHORS: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Lensbridge <no-reply@lensbridge.local>'),
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  NOTIFICATIONS_INTERVAL_SECONDS: z.coerce.number().min(0).max(3600).default(15),
  SEED_DEMO_DATA: booleanFromEnv.optional(),
  SERVE_CLIENT: booleanFromEnv.default(true),
  CLIENT_DIST_DIR: z.string().min(1).default('client/dist'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

export type Environment = z.infer<typeof environmentSchema>;
