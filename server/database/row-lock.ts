import type { DataSource } from 'typeorm';

/**
 * Find options that lock the rows read for the rest of the transaction on PostgreSQL
 * (`SELECT … FOR UPDATE`). SQLite has no row locks and needs none: its one writer (see
 * sqlite-transactions.ts) already runs such transactions one after another.
 */
export function rowLock(dataSource: Pick<DataSource, 'options'>): {
  lock?: { mode: 'pessimistic_write' };
} {
  return dataSource.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' } } : {};
}
