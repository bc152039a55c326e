import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A name for one holder of leases and jobs in this process, unique across a deployment:
 * `host:pid:random` (the pid lets tests and operators find the process holding a job).
 */
export function processOwner(): string {
  return `${hostname().slice(0, 30)}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
