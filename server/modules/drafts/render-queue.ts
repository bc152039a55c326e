import { Injectable } from '@nestjs/common';
import { RedisService } from '../redis/redis.service';
import { BullmqRenderQueue } from './bullmq-render-queue.service';
import { DraftRenderQueue } from './draft-render-queue.service';

/**
 * Where render jobs go once their rows are written: BullMQ on Redis when REDIS_URL is set,
 * else the embedded table queue. (Both are providers; each stays idle when it is not chosen.)
 */
@Injectable()
export class RenderQueue {
  constructor(
    private readonly redis: RedisService,
    private readonly embedded: DraftRenderQueue,
    private readonly bullmq: BullmqRenderQueue,
  ) {}

  /** New rows are waiting: hand them to the workers now (it never throws). */
  kick(): void {
    (this.redis.enabled ? this.bullmq : this.embedded).kick();
  }
}
