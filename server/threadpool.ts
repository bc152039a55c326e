import { lowerThreadPoolPriority, POOL_NICENESS } from './common/pool-priority';

/**
 * libuv's thread pool runs file I/O, zlib (response compression) and every sharp pipeline.
 * Its default of 4 threads is taken by image work during an upload burst or while drafts render,
 * and then a health check or a compressed JSON answer waits seconds behind it. Eight threads
 * (most of them waiting on I/O, not on the CPU) keep reads answering. Imported first by every
 * entry point: the pool is sized when it is first used, and UV_THREADPOOL_SIZE set by the
 * operator wins.
 */
process.env.UV_THREADPOOL_SIZE ??= '8';

// Image work on the pool yields the CPU to the event loop (server/common/pool-priority.ts).
// THREADPOOL_NICENESS: how much lower (default 10; 0 leaves the pool at the loop's priority).
// Read here, before the config exists: the pool must be lowered before anything starts it.
const niceness = Number(process.env.THREADPOOL_NICENESS ?? POOL_NICENESS);
if (Number.isInteger(niceness) && niceness > 0 && niceness <= 19) lowerThreadPoolPriority(niceness);
