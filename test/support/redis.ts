import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the suites use (CI starts one on the default port). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  /** REDIS_URL and a REDIS_PREFIX of this suite's own, for apps and child processes. */
  env: Record<string, string>;
  prefix: string;
  /** A plain client for looking at what the app stored. */
  client: Redis;
  /** Deletes every key under the prefix and disconnects. */
  close(): Promise<void>;
}

/** A namespace of its own on the test Redis, so suites and runs never see each other's keys. */
export async function testRedis(url = TEST_REDIS_URL): Promise<TestRedis> {
  const prefix = `lbtest-${randomUUID().slice(0, 8)}`;
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  await client.ping();
  return {
    env: { REDIS_URL: url, REDIS_PREFIX: prefix },
    prefix,
    client,
    async close() {
      const stream = client.scanStream({ match: `${prefix}:*`, count: 500 });
      for await (const keys of stream as AsyncIterable<string[]>) {
        if (keys.length > 0) await client.del(...keys);
      }
      client.disconnect();
    },
  };
}
