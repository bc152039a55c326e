/**
 * What kind of failure an error is, in domain words. The HTTP filter is the only place that
 * turns a kind into a status code, so domain code never knows about HTTP.
 */
export enum ErrorKind {
  Invalid = 'invalid',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Gone = 'gone',
  TooLarge = 'too_large',
  UnsupportedMedia = 'unsupported_media',
  Unprocessable = 'unprocessable',
  PaymentRequired = 'payment_required',
  RateLimited = 'rate_limited',
  Unavailable = 'unavailable',
}

export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

/** Base for every expected failure; `code` is stable and documented for API clients. */
export class DomainError extends Error {
  /** Seconds after which trying again can succeed (a rate limit); sent as `Retry-After`. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  retryAfter(seconds: number): this {
    this.retryAfterSeconds = Math.max(1, Math.ceil(seconds));
    return this;
  }
}
