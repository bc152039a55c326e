import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3StorageConfig } from '../../server/config/app-config';

/** A real S3-compatible server (s3rver) on a free loopback port, with one empty bucket. */
export interface RunningS3 {
  config: S3StorageConfig;
  /** The same settings as environment variables, for an app or a child process. */
  env: Record<string, string>;
  /** Stops answering (the stored objects stay), as an outage would. */
  stop(): Promise<void>;
  /** Answers again on the same port, with the same objects. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startS3(bucket = 'lensbridge-test'): Promise<RunningS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-s3-'));
  const serve = (port: number) =>
    new S3rver({
      address: '127.0.0.1',
      port,
      directory,
      silent: true,
      configureBuckets: [{ name: bucket, configs: [] }],
    });
  let server: S3rver | null = serve(0);
  const { port } = await server.run();
  const config: S3StorageConfig = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    // s3rver's fixed credentials.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    config,
    env: {
      BLOB_STORAGE: 's3',
      S3_ENDPOINT: config.endpoint!,
      S3_REGION: config.region,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async stop() {
      await server?.close();
      server = null;
    },
    async resume() {
      server = serve(port);
      await server.run();
    },
    async close() {
      await server?.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
