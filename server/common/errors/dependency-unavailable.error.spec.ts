import { DependencyUnavailableError, dependencyDown } from './dependency-unavailable.error';

const withProps = (message: string, props: Record<string, unknown>): Error =>
  Object.assign(new Error(message), props);

describe('dependencyDown', () => {
  it.each([
    [
      'a refused database connection',
      withProps('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }),
      'database',
    ],
    [
      'PostgreSQL shutting down (57P01) in a QueryFailedError',
      Object.assign(withProps('terminating connection', { name: 'QueryFailedError' }), {
        name: 'QueryFailedError',
        driverError: withProps('x', { code: '57P01', severity: 'FATAL' }),
      }),
      'database',
    ],
    ['a dropped pool connection', new Error('Connection terminated unexpectedly'), 'database'],
    [
      'the AWS SDK wrapping a socket error',
      withProps('AWS SDK error wrapper for Error: connect ECONNREFUSED', {
        $metadata: { attempts: 3 },
      }),
      'storage',
    ],
    [
      'S3 answering 503 SlowDown',
      withProps('Slow Down', { $metadata: { httpStatusCode: 503 } }),
      'storage',
    ],
    ['Redis, already wrapped where it is called', new DependencyUnavailableError('redis'), 'redis'],
  ])('recognises %s', (_name, error, dependency) => {
    expect(dependencyDown(error)?.dependency).toBe(dependency);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      'a unique violation',
      Object.assign(
        withProps('duplicate key', { driverError: withProps('x', { code: '23505' }) }),
        { name: 'QueryFailedError' },
      ),
    ],
    ['S3 answering 404', withProps('NoSuchKey', { $metadata: { httpStatusCode: 404 } })],
    ['not an error at all', 'boom'],
  ])('leaves %s alone (a 500 or its own answer)', (_name, error) => {
    expect(dependencyDown(error)).toBeNull();
  });

  it('answers 503 with a stable code, the dependency and Retry-After', () => {
    const error = new DependencyUnavailableError('database');
    expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(error.details).toEqual({ dependency: 'database' });
    expect(error.retryAfterSeconds).toBe(5);
  });
});
