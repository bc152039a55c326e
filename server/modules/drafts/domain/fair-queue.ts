/**
 * Fair render scheduling: the next jobs go round-robin across accounts, so one account's
 * backlog never starves everyone else. Pure: the queue service gathers each waiting account's
 * facts from the database and claims jobs in the order this returns.
 */

/** One account with jobs waiting. */
export interface WaitingAccount {
  ownerId: string;
  /** Jobs of this account waiting to run. */
  queued: number;
  /** Jobs of this account running now (in any process). */
  running: number;
  /** When a job of this account last started; null if never (or not since its drafts went). */
  lastStartedAt: Date | null;
  /** Its oldest waiting job's creation time. */
  oldestQueuedAt: Date;
}

/**
 * The accounts to take the next `slots` jobs from, in order (an account appears once per job).
 * Each pick goes to the account with the fewest jobs running, then the one that has waited
 * longest since its last render started (never first), then the one whose oldest job is oldest;
 * a picked account counts one more running job and goes to the back. A single account with a
 * backlog still gets every free slot: fairness never leaves a worker idle.
 */
export function fairOrder(accounts: readonly WaitingAccount[], slots: number): string[] {
  const state = accounts
    .filter((a) => a.queued > 0)
    .map((a) => ({ ...a, lastStartedAt: a.lastStartedAt?.getTime() ?? -Infinity }));
  const order: string[] = [];
  let turn = 0;
  while (order.length < slots) {
    const waiting = state.filter((a) => a.queued > 0);
    if (waiting.length === 0) break;
    const next = waiting.sort(
      (a, b) =>
        a.running - b.running ||
        a.lastStartedAt - b.lastStartedAt ||
        a.oldestQueuedAt.getTime() - b.oldestQueuedAt.getTime() ||
        a.ownerId.localeCompare(b.ownerId),
    )[0]!;
    order.push(next.ownerId);
    next.queued -= 1;
    next.running += 1;
    // "Now", in the order of this plan: later than any real start time.
    next.lastStartedAt = Number.MAX_SAFE_INTEGER - 1_000_000 + turn++;
  }
  return order;
}

/** What `fairPriorities` needs of a waiting job (oldest first). */
export interface QueuedJob {
  id: string;
  kind: 'draft' | 'variant' | 'hd';
  ownerId: string;
}

/** HD images come after every preview; BullMQ takes priorities up to 2^21. */
const HD_PRIORITY_OFFSET = 1_000_000;

/**
 * Round-robin as BullMQ priorities (lower runs first, equal ones in the order they were added):
 * an account's n-th waiting preview gets priority n, so a newcomer's first draft runs next to
 * the heavy account's first, not after its hundredth. HD images get the same order after all
 * previews. `jobs` are all the jobs waiting now, oldest first.
 */
export function fairPriorities(jobs: readonly QueuedJob[]): Map<string, number> {
  const seen = new Map<string, number>();
  const priorities = new Map<string, number>();
  for (const job of jobs) {
    const lane = `${job.kind === 'hd' ? 'hd' : 'preview'}:${job.ownerId}`;
    const rank = (seen.get(lane) ?? 0) + 1;
    seen.set(lane, rank);
    const capped = Math.min(rank, HD_PRIORITY_OFFSET - 1);
    priorities.set(job.id, job.kind === 'hd' ? HD_PRIORITY_OFFSET + capped : capped);
  }
  return priorities;
}
