import { fairOrder, fairPriorities, type QueuedJob, type WaitingAccount } from './fair-queue';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const anAccount = (over: Partial<WaitingAccount> & { ownerId: string }): WaitingAccount => ({
  queued: 1,
  running: 0,
  lastStartedAt: null,
  oldestQueuedAt: at(0),
  ...over,
});

describe(fairOrder.name, () => {
  it('serves a newcomer’s single draft before the rest of a 100-draft backlog', () => {
    const heavy = anAccount({ ownerId: 'heavy', queued: 98, running: 2, lastStartedAt: at(1) });
    const newcomer = anAccount({ ownerId: 'newcomer', oldestQueuedAt: at(9) });
    expect(fairOrder([heavy, newcomer], 1)).toEqual(['newcomer']);
  });

  it('alternates between accounts with backlogs (round-robin), oldest waiting first', () => {
    const a = anAccount({ ownerId: 'a', queued: 5, oldestQueuedAt: at(0) });
    const b = anAccount({ ownerId: 'b', queued: 5, oldestQueuedAt: at(2) });
    const c = anAccount({ ownerId: 'c', queued: 1, oldestQueuedAt: at(4) });
    expect(fairOrder([a, b, c], 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'a']);
  });

  it('gives the account that waited longest since its last render the next turn', () => {
    const recent = anAccount({ ownerId: 'recent', queued: 3, lastStartedAt: at(8) });
    const waited = anAccount({
      ownerId: 'waited',
      queued: 3,
      lastStartedAt: at(2),
      oldestQueuedAt: at(5),
    });
    expect(fairOrder([recent, waited], 2)).toEqual(['waited', 'recent']);
  });

  it('fills every free slot from a single account: fairness never leaves a worker idle', () => {
    expect(fairOrder([anAccount({ ownerId: 'only', queued: 4 })], 3)).toEqual([
      'only',
      'only',
      'only',
    ]);
    expect(fairOrder([anAccount({ ownerId: 'only', queued: 2 })], 5)).toEqual(['only', 'only']);
    expect(fairOrder([], 2)).toEqual([]);
  });

  it('prefers the account with fewer renders running, whatever its jobs’ age', () => {
    const busy = anAccount({ ownerId: 'busy', running: 2, oldestQueuedAt: at(0) });
    const idle = anAccount({
      ownerId: 'idle',
      running: 0,
      lastStartedAt: at(9),
      oldestQueuedAt: at(9),
    });
    expect(fairOrder([busy, idle], 1)).toEqual(['idle']);
  });
});

describe('fairPriorities (BullMQ)', () => {
  const job = (id: string, ownerId: string, kind: QueuedJob['kind'] = 'draft'): QueuedJob => ({
    id,
    ownerId,
    kind,
  });

  it("puts a newcomer's first draft level with the heavy account's first, ahead of its backlog", () => {
    const heavy = Array.from({ length: 100 }, (_, i) => job(`a${i}`, 'heavy'));
    const priorities = fairPriorities([...heavy, job('b0', 'newcomer')]);
    expect(priorities.get('b0')).toBe(1);
    expect(priorities.get('a0')).toBe(1);
    expect(priorities.get('a1')).toBe(2);
    expect(priorities.get('a99')).toBe(100);
  });

  it('runs every preview before any HD image, and HD images round-robin too', () => {
    const priorities = fairPriorities([
      job('h1', 'x', 'hd'),
      job('h2', 'x', 'hd'),
      job('h3', 'y', 'hd'),
      job('p1', 'x', 'variant'),
      job('p2', 'x', 'draft'),
    ]);
    const order = [...priorities.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(order.slice(0, 2)).toEqual(['p1', 'p2']);
    expect(priorities.get('h3')).toBe(priorities.get('h1'));
    expect(priorities.get('h2')!).toBeGreaterThan(priorities.get('h3')!);
    expect(Math.max(...priorities.values())).toBeLessThan(2 ** 21);
  });
});
