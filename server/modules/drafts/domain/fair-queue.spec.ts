import { fairOrder, type WaitingAccount } from './fair-queue';

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
