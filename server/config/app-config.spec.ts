import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('runs on embedded defaults with no variables at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      database: { type: 'sqlite' },
      session: { cookieSecure: false },
      seedDemoData: true,
    });
    expect(config.database.type === 'sqlite' && config.database.path).toMatch(
      /data[/\\]lensbridge\.sqlite$/,
    );
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/lensbridge' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://u@db:5432/lensbridge',
      logging: false,
    });
  });

  it('secures cookies and stops seeding in production', () => {
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DOWNLOAD_LINK_SECRET: 'p'.repeat(40),
        CALENDAR_SECRET_KEY: 'c'.repeat(40),
        C2PA_SIGNING_CERT: '-----BEGIN CERTIFICATE-----\\nAA==\\n-----END CERTIFICATE-----',
        C2PA_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nAA==\\n-----END PRIVATE KEY-----',
      }),
    ).toMatchObject({
      session: { cookieSecure: true },
      seedDemoData: false,
      log: { format: 'json' },
    });
  });

  it('lists every bad variable in one readable error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SCRYPT_LOG_N: '4' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres/);
    expect(message).toMatch(/SCRYPT_LOG_N/);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'ops@example.com' })).toThrow(/set both or neither/);
  });

  it('uses the manual payment provider until both Stripe secrets are set', () => {
    expect(loadConfig({}).payments).toEqual({
      provider: 'manual',
      currency: 'EUR',
      platformFeePercent: 15,
      draftUnlockPriceCents: 900,
      refundRetrySeconds: 60,
    });
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: required/,
    );
    const stripe = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_a',
      STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_b',
      CURRENCY: 'CHF',
    }).payments;
    expect(stripe).toMatchObject({
      provider: 'stripe',
      currency: 'CHF',
      stripe: { webhookSecrets: ['whsec_a', 'whsec_b'] },
    });
  });

  it('signs download links with a development key, but requires a real one in production', () => {
    expect(loadConfig({}).delivery).toMatchObject({ linkTtlMinutes: 30 });
    expect(loadConfig({}).delivery.linkSecret.length).toBeGreaterThanOrEqual(32);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DOWNLOAD_LINK_SECRET: required in production/,
    );
    expect(() => loadConfig({ DOWNLOAD_LINK_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('encrypts calendar passwords with a development key, but requires a real one in production', () => {
    expect(loadConfig({}).calendars).toMatchObject({
      syncMinutes: 15,
      allowPrivateAddresses: false,
      fetchTimeoutMs: 15_000,
      maxBytes: 5 * 1024 * 1024,
    });
    const production = { NODE_ENV: 'production', DOWNLOAD_LINK_SECRET: 'p'.repeat(40) };
    expect(() => loadConfig(production)).toThrow(/CALENDAR_SECRET_KEY: required in production/);
    expect(() =>
      loadConfig({
        ...production,
        CALENDAR_SECRET_KEY: 'c'.repeat(40),
        CALENDAR_ALLOW_PRIVATE_ADDRESSES: 'true',
      }),
    ).toThrow(/CALENDAR_ALLOW_PRIVATE_ADDRESSES: only for tests and development/);
    expect(() => loadConfig({ CALENDAR_SECRET_KEY: 'short' })).toThrow(/at least 32/);
  });

  it('signs Content Credentials with a development chain, but requires a real one in production', () => {
    expect(loadConfig({ DATA_DIR: '/srv/lb' }).provenance).toEqual({
      signingCertPem: undefined,
      signingKeyPem: undefined,
      developmentChainFile: '/srv/lb/c2pa/development-signer.pem',
      trustAnchorsPem: undefined,
    });
    expect(() => loadConfig({ C2PA_TRUST_ANCHORS: '/nowhere/roots.pem' })).toThrow(
      /C2PA_TRUST_ANCHORS: neither a PEM nor a readable file/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /C2PA_SIGNING_CERT, C2PA_SIGNING_KEY: required in production/,
    );
    expect(() => loadConfig({ C2PA_SIGNING_CERT: '-----BEGIN CERTIFICATE-----' })).toThrow(
      /set both or neither/,
    );
    expect(() =>
      loadConfig({ C2PA_SIGNING_CERT: '/nowhere/chain.pem', C2PA_SIGNING_KEY: '/nowhere/key.pem' }),
    ).toThrow(/C2PA_SIGNING_CERT: neither a PEM nor a readable file/);
    const inline = loadConfig({
      C2PA_SIGNING_CERT: '-----BEGIN CERTIFICATE-----\\nAA==\\n-----END CERTIFICATE-----',
      C2PA_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nAA==\\n-----END PRIVATE KEY-----',
    });
    expect(inline.provenance.signingCertPem).toBe(
      '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----',
    );
  });

  it('writes mail to an outbox folder under DATA_DIR unless told otherwise', () => {
    expect(loadConfig({ DATA_DIR: '/srv/lb' }).mail.outboxDir).toBe('/srv/lb/outbox');
    expect(loadConfig({ MAIL_OUTBOX_DIR: '/var/mail/lb' }).mail.outboxDir).toBe('/var/mail/lb');
    expect(loadConfig({ NOTIFICATIONS_INTERVAL_SECONDS: '0' }).notifications).toEqual({
      intervalSeconds: 0,
    });
  });

  it('limits each account’s drafts fairly by default, and takes other limits from the env', () => {
    expect(loadConfig({}).drafts.fairUse).toEqual({
      uploadsPerHour: 20,
      maxInFlight: 3,
      rerendersPerHour: 300,
      maxRerendersInFlight: 6,
    });
    expect(
      loadConfig({ DRAFT_UPLOADS_PER_HOUR: '100', DRAFT_MAX_IN_FLIGHT: '10' }).drafts.fairUse,
    ).toMatchObject({ uploadsPerHour: 100, maxInFlight: 10 });
    expect(() => loadConfig({ DRAFT_MAX_IN_FLIGHT: '0' })).toThrow(/DRAFT_MAX_IN_FLIGHT/);
    expect(() => loadConfig({ DRAFT_UPLOADS_PER_HOUR: 'many' })).toThrow(/DRAFT_UPLOADS_PER_HOUR/);
  });

  it('runs everything in one process by default; an api process renders and schedules nothing', () => {
    expect(loadConfig({})).toMatchObject({
      role: 'all',
      backgroundWork: true,
      drafts: { workers: 1 },
    });
    expect(loadConfig({ PROCESS_ROLE: 'api', DRAFT_RENDER_WORKERS: '2' })).toMatchObject({
      role: 'api',
      backgroundWork: false,
      drafts: { workers: 0 },
    });
    expect(loadConfig({ PROCESS_ROLE: 'worker', DRAFT_RENDER_WORKERS: '2' })).toMatchObject({
      role: 'worker',
      backgroundWork: true,
      drafts: { workers: 2 },
    });
    expect(() => loadConfig({ PROCESS_ROLE: 'both' })).toThrow(/PROCESS_ROLE/);
  });

  it('keeps photos on local disk by default, and in a bucket with BLOB_STORAGE=s3', () => {
    expect(loadConfig({}).storage.s3).toBeNull();
    expect(
      loadConfig({
        BLOB_STORAGE: 's3',
        S3_BUCKET: 'lensbridge-photos',
        S3_ENDPOINT: 'http://127.0.0.1:4569',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
      }).storage.s3,
    ).toEqual({
      endpoint: 'http://127.0.0.1:4569',
      region: 'us-east-1',
      bucket: 'lensbridge-photos',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(() => loadConfig({ BLOB_STORAGE: 's3' })).toThrow(/S3_BUCKET: required/);
    expect(() => loadConfig({ BLOB_STORAGE: 'ftp' })).toThrow(/BLOB_STORAGE/);
    expect(() => loadConfig({ BLOB_STORAGE: 's3', S3_BUCKET: 'Not_A_Bucket' })).toThrow(
      /S3_BUCKET/,
    );
    expect(() =>
      loadConfig({ BLOB_STORAGE: 's3', S3_BUCKET: 'photos', S3_ACCESS_KEY_ID: 'key' }),
    ).toThrow(/set both or neither/);
  });

  it('never lets production send payments to a local fake', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        STRIPE_SECRET_KEY: 'sk_live_1',
        STRIPE_WEBHOOK_SECRET: 'whsec_a',
        STRIPE_API_BASE: 'http://127.0.0.1:12111',
      }),
    ).toThrow(/STRIPE_API_BASE: only for tests/);
  });
});
