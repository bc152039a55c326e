import { HttpStatus } from '@nestjs/common';
import { ErrorKind } from '../errors/domain-error';

/** The one mapping from domain error kinds to HTTP status codes. */
export const statusByKind: Record<ErrorKind, HttpStatus> = {
  [ErrorKind.Invalid]: HttpStatus.BAD_REQUEST,
  [ErrorKind.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.PaymentRequired]: HttpStatus.PAYMENT_REQUIRED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Gone]: HttpStatus.GONE,
  [ErrorKind.TooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorKind.UnsupportedMedia]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorKind.Unprocessable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorKind.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Codes for errors raised by the framework or body parser rather than by our own code. */
export const codeByStatus: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};
