import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type ConnectionOptions,
  type DefaultJobOptions,
  type Processor,
  Queue,
  Worker,
} from 'bullmq';
import { Redis } from 'ioredis';
import type { AppConfig, RedisConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DependencyUnavailableError } from '../../common/errors/dependency-unavailable.error';

/** A command the shared connection could not finish in this time counts as Redis being down. */
const COMMAND_TIMEOUT_MS = 2000;
/** Connection errors are logged at most this often (a down server reports one per retry). */
const LOG_EVERY_MS = 30_000;
/** Wait between reconnection attempts: growing, at most two seconds. */
const reconnectDelay = (times: number) => Math.min(times * 200, 2000);

/**
 * Redis, when `REDIS_URL` is set: one shared connection for short commands (limits, health)
 * that fails fast while the server is away, and the settings BullMQ queues and workers open
 * their own connections with (they wait for the server to come back). Every key is under `REDIS_PREFIX`.
 * Without `REDIS_URL`, `enabled` is false and nothing connects.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly settings: RedisConfig | null;
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
      retryStrategy: reconnectDelay,
    };
  }

  /** A BullMQ queue of this deployment (under REDIS_PREFIX); its connection errors are logged. */
  queue<Data, Result>(name: string, defaultJobOptions: DefaultJobOptions): Queue<Data, Result> {
    const queue = new Queue<Data, Result>(name, {
      connection: this.bullmqConnection(),
      prefix: this.prefix,
      defaultJobOptions,
    });
    queue.on('error', (error) => this.logger.warn(`Queue ${name}: ${error.message}`));
    return queue;
  }

  /**
   * A BullMQ worker of this deployment. It holds each job under a lock it renews every half
   * `lockMs`; a job whose holder stopped renewing (died) runs again on another worker after the
   * stalled check (every `stalledCheckMs`, at most twice). `name` is recorded on the jobs it
   * takes (`processedBy`).
   */
  worker<Data, Result>(
    queueName: string,
    processor: Processor<Data, Result>,
    options: { name?: string; concurrency: number; lockMs: number; stalledCheckMs: number },
  ): Worker<Data, Result> {
    const worker = new Worker<Data, Result>(queueName, processor, {
      name: options.name,
      connection: this.bullmqConnection(),
      prefix: this.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.stalledCheckMs,
      maxStalledCount: 2,
    });
    worker.on('error', (error) => this.logger.warn(`Worker ${queueName}: ${error.message}`));
    worker.on('stalled', (id) =>
      this.logger.warn(`${queueName} job ${id} stalled: running it again`),
    );
    return worker;
  }

  /** Runs a short command, turning "Redis is away" into a 503 the error filter understands. */
  async run<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await command(this.client());
    } catch (error) {
      throw new DependencyUnavailableError('redis', error);
    }
  }

  async ping(): Promise<void> {
    await this.run((redis) => redis.ping());
  }

  /** After every queue and worker closed (BullMQ closes its own connections). */
  async onApplicationShutdown(): Promise<void> {
    await this.shared?.quit().catch(() => undefined);
    this.shared?.disconnect();
    this.shared = undefined;
  }

  /** The shared connection for short commands; they fail within two seconds while Redis is down. */
  private client(): Redis {
    if (this.shared) return this.shared;
    if (!this.settings) throw new Error('Redis is not configured (REDIS_URL)');
    const redis = new Redis(this.settings.url, {
      connectionName: 'lensbridge:shared',
      retryStrategy: reconnectDelay,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
    redis.on('error', (error: Error) => {
      const now = Date.now();
      if (now - this.lastLogged < LOG_EVERY_MS) return;
      this.lastLogged = now;
      this.logger.warn(`Redis: ${error.message}`);
    });
    this.shared = redis;
    return redis;
  }
}
