import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';

/** Redis for every module that counts or queues across processes (absent without REDIS_URL). */
@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
