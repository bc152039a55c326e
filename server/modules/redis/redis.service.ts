import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig, RedisConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DependencyUnavailableError } from '../../common/errors/dependency-unavailable.error';

/** A command the shared connection could not finish in this time counts as Redis being down. */
const COMMAND_TIMEOUT_MS = 2000;
/** Connection errors are logged at most this often (a down server reports one per retry). */
const LOG_EVERY_MS = 30_000;

/**
 * Redis, when `REDIS_URL` is set: one shared connection for short commands (limits, health)
 * that fails fast while the server is away, and dedicated connections for BullMQ queues and
 * workers, which wait for the server to come back. Every key is under `REDIS_PREFIX`.
 * Without `REDIS_URL`, `enabled` is false and nothing connects.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly settings: RedisConfig | null;
  private readonly connections = new Set<Redis>();
  private shared?: Redis;
  private lastLogged = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.redis;
  }

  get enabled(): boolean {
    return this.settings !== null;
  }

  /** The namespace of every key and queue of this deployment. */
  get prefix(): string {
    return this.settings?.prefix ?? 'lensbridge';
  }

  /** `prefix:part:part…` */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** The shared connection for short commands; they fail within two seconds while Redis is down. */
  get client(): Redis {
    this.shared ??= this.connect('shared', {
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
    return this.shared;
  }

  /**
   * Connection settings for a BullMQ queue or worker, which opens and closes its connections
   * itself: commands wait while Redis reconnects (a worker blocks on its own connection), as
   * BullMQ requires.
   */
  bullmqConnection(): ConnectionOptions {
    if (!this.settings) throw new Error('Redis is not configured (REDIS_URL)');
    return {
      url: this.settings.url,
      maxRetriesPerRequest: null,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    };
  }

  /** Runs a short command, turning "Redis is away" into a 503 the error filter understands. */
  async run<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await command(this.client);
    } catch (error) {
      throw new DependencyUnavailableError('redis', error);
    }
  }

  async ping(): Promise<void> {
    await this.run((redis) => redis.ping());
  }

  /** After every queue and worker closed (they use these connections until then). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.connections].map((redis) => redis.quit()));
    for (const redis of this.connections) redis.disconnect();
    this.connections.clear();
  }

  private connect(purpose: string, options: RedisOptions): Redis {
    if (!this.settings) throw new Error('Redis is not configured (REDIS_URL)');
    const redis = new Redis(this.settings.url, {
      connectionName: `lensbridge:${purpose}`,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      ...options,
    });
    redis.on('error', (error: Error) => {
      const now = Date.now();
      if (now - this.lastLogged < LOG_EVERY_MS) return;
      this.lastLogged = now;
      this.logger.warn(`Redis (${purpose}): ${error.message}`);
    });
    this.connections.add(redis);
    return redis;
  }
}
