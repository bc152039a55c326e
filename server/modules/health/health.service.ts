import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { RedisService } from '../redis/redis.service';

interface Dependency {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** What is down, by name (empty when all is well). */
  down: ('database' | 'redis' | 'storage')[];
  database: Dependency & { type: string };
  /** `not-configured` without REDIS_URL (the embedded queue and in-process limits). */
  redis: Dependency | { status: 'not-configured' };
  storage: Dependency & { kind: 'local' | 's3' };
  uptimeSeconds: number;
}

/** How long a dependency may take to answer before it counts as down. */
const TIMEOUT_MS = 3000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly blobs: BlobStorageGateway,
    private readonly redis: RedisService,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, redis, storage] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1'), 'The database did not answer.'),
      this.redis.enabled
        ? probe(() => this.redis.ping(), 'Redis did not answer.')
        : { status: 'not-configured' as const },
      probe(() => this.blobs.ping(), 'The photo storage did not answer.'),
    ]);
    const down = [
      ...(database.status === 'down' ? (['database'] as const) : []),
      ...(redis.status === 'down' ? (['redis'] as const) : []),
      ...(storage.status === 'down' ? (['storage'] as const) : []),
    ];
    return {
      status: down.length === 0 ? 'ok' : 'degraded',
      down,
      database: { ...database, type: String(this.dataSource.options.type) },
      redis,
      storage: { ...storage, kind: this.blobs.kind },
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}

async function probe(call: () => Promise<unknown>, error: string): Promise<Dependency> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      call(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { status: 'down', error };
  } finally {
    clearTimeout(timer);
  }
}
