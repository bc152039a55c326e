/**
 * libuv's thread pool runs file I/O, zlib (response compression) and every sharp pipeline.
 * Its default of 4 threads is taken by image work during an upload burst or while drafts render,
 * and then a health check or a compressed JSON answer waits seconds behind it. Eight threads
 * (most of them waiting on I/O, not on the CPU) keep reads answering. Imported first by every
 * entry point: the pool is sized when it is first used, and UV_THREADPOOL_SIZE set by the
 * operator wins.
 */
process.env.UV_THREADPOOL_SIZE ??= '8';
