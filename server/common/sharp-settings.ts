import sharp from 'sharp';

/**
 * libvips settings, process-wide (the API thread and the render worker threads share one
 * libvips). Imported by every module here that uses sharp, so they hold wherever it runs.
 */

// Decoding is the expensive, risky part; keep libvips from using every core for one image.
sharp.concurrency(1);

// libvips keeps recent operations' results to re-use them; every pipeline here runs once on
// its own input (an upload, a render), so that cache would only hold memory (up to 50 MB).
sharp.cache(false);

/**
 * Image pipelines this thread runs at once (uploads being reduced, proofs and finals being
 * made). sharp runs each on libuv's thread pool, which file and socket I/O share (4 threads by
 * default): a burst of uploads must never take all of them, or every request that reads a
 * file (the health check, static files) waits behind seconds of decoding. Further pipelines
 * wait their turn here, their uploads already on disk.
 */
const PIPELINES_AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` (a sharp pipeline) when one of the PIPELINES_AT_ONCE slots is free. */
export async function inImageSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PIPELINES_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
