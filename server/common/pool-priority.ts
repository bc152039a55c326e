import { readdirSync, stat } from 'node:fs';
import { setPriority } from 'node:os';

/** How much lower than the event loop libuv's pool threads (and the libvips threads they start) run. */
export const POOL_NICENESS = 10;

/**
 * Linux gives each thread its own nice value, and a thread starts with its creator's. libuv's
 * thread pool runs every sharp pipeline, and each pipeline starts libvips threads of its own;
 * on two cores a burst of uploads keeps them all busy, and the event loop (which answers
 * health checks and reads) then waits for a time slice behind them. This starts the pool now,
 * finds its threads (the tasks that appear when it starts) and lowers their priority, so the
 * event loop gets the CPU first and image work takes what is left; libvips threads started
 * later by a pool thread inherit its priority. Elsewhere (no /proc) it does nothing.
 * Returns the threads it lowered.
 */
export function lowerThreadPoolPriority(niceness = POOL_NICENESS): number[] {
  const tasks = '/proc/self/task';
  let before: Set<string>;
  try {
    before = new Set(readdirSync(tasks));
  } catch {
    return [];
  }
  // The first piece of pool work makes libuv start all UV_THREADPOOL_SIZE threads at once.
  stat(tasks, () => undefined);
  const lowered: number[] = [];
  for (const task of readdirSync(tasks)) {
    if (before.has(task)) continue;
    try {
      setPriority(Number(task), niceness);
      lowered.push(Number(task));
    } catch {
      // A thread that ended meanwhile, or a platform without per-thread priorities.
    }
  }
  return lowered;
}
