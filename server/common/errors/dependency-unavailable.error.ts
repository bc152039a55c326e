import { CommonErrorCode } from '../../../shared/errors';
import { DomainError, ErrorKind } from './domain-error';

/** Something the request needs and this process does not own. */
export type Dependency = 'database' | 'redis' | 'storage';

const MESSAGES: Record<Dependency, string> = {
  database: 'The database is not answering right now. Try again in a moment.',
  redis: 'A service this needs is not answering right now. Try again in a moment.',
  storage: 'The photo storage is not answering right now. Try again in a moment.',
};

/** A dependency is away: 503 with `DEPENDENCY_UNAVAILABLE`, naming it, and `Retry-After`. */
export class DependencyUnavailableError extends DomainError {
  constructor(
    readonly dependency: Dependency,
    cause?: unknown,
  ) {
    super(CommonErrorCode.DependencyUnavailable, ErrorKind.Unavailable, MESSAGES[dependency], {
      dependency,
    });
    this.cause = cause;
    this.retryAfter(5);
  }
}

/** Socket-level failures: the other side is not there (refused, reset, unreachable, timed out). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);
/** PostgreSQL's connection-exception class (08) and shutdown states (57P01–57P03). */
const POSTGRES_DOWN = /^(08\d{3}|57P0[123])$/;
const DATABASE_DOWN_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i;

/**
 * Recognises an error that means a dependency is away (not a bug of ours), so the filter can
 * answer 503 instead of 500: database driver errors, the AWS SDK's network errors, Redis
 * errors already wrapped where Redis is called. Follows `cause` and TypeORM's `driverError`.
 */
export function dependencyDown(error: unknown): DependencyUnavailableError | null {
  if (error instanceof DependencyUnavailableError) return error;
  const seen = new Set<unknown>();
  let current: unknown = error;
  let sawDatabase = false;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if (current instanceof DependencyUnavailableError) return current;
    const { code, name, message } = current as Error & { code?: unknown };
    const fromDatabase: boolean =
      sawDatabase ||
      name === 'QueryFailedError' ||
      name === 'ConnectionIsNotSetError' ||
      'driverError' in current ||
      'severity' in current;
    sawDatabase ||= fromDatabase;
    const fromStorage = '$metadata' in current || name === 'TimeoutError';
    // The AWS SDK: no HTTP answer at all (its "error wrapper" for a socket error), or a 5xx.
    if (fromStorage) {
      const status = (current as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      if (status === undefined || status >= 500)
        return new DependencyUnavailableError('storage', error);
    }
    const codeText = typeof code === 'string' ? code : '';
    if (fromDatabase && (POSTGRES_DOWN.test(codeText) || DATABASE_DOWN_MESSAGE.test(message)))
      return new DependencyUnavailableError('database', error);
    // A bare socket error comes from the database pool (the AWS SDK marks its own).
    if (NETWORK_CODES.has(codeText) || DATABASE_DOWN_MESSAGE.test(message))
      return new DependencyUnavailableError(fromStorage ? 'storage' : 'database', error);
    current =
      (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return null;
}
