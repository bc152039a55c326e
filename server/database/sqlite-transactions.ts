import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQLite runs on one connection here, so two transactions started at the same time both send
 * BEGIN and the second fails ("cannot start a transaction within a transaction"); concurrent
 * webhooks, refunds and checkouts do exactly that. This queues the data source's transactions
 * one after another (SQLite has one writer anyway). A transaction started from inside another
 * (same async context) runs at once, as TypeORM's nested transaction, so nothing deadlocks.
 * PostgreSQL gives every transaction its own connection and is left alone.
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type === 'postgres') return;
  const manager: EntityManager = dataSource.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const inside = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return original(...args);
    const run = tail.then(() => inside.run(true, () => original(...args)));
    tail = run.catch(() => undefined);
    return run;
  }) as EntityManager['transaction'];
}
