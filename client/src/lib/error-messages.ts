import { CommonErrorCode } from '@shared/errors';
import { MediaErrorCode } from '@shared/media/media.types';
import { ApiError, NetworkError } from './api-client';

/** "Wait 30 seconds", "Wait about 2 minutes", or "Wait a minute" when the server gave no hint. */
export function waitPhrase(seconds: number | undefined): string {
  if (seconds === undefined) return 'Wait a minute';
  if (seconds <= 1) return 'Wait a second';
  if (seconds < 90) return `Wait ${seconds} seconds`;
  return `Wait about ${Math.round(seconds / 60)} minutes`;
}

/**
 * A sentence a person can act on, for errors no screen handles specially.
 * Feature screens handle their own codes first and fall back to this.
 */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again in a moment.';
  switch (error.code) {
    case CommonErrorCode.RateLimited:
      return `Too many attempts. ${waitPhrase(error.retryAfterSeconds)} and try again.`;
    case CommonErrorCode.CsrfTokenInvalid:
      return 'Your session changed in another tab. Reload the page and try again.';
    case CommonErrorCode.Unauthenticated:
      return 'Your session has ended. Log in again to continue.';
    case CommonErrorCode.ServiceUnavailable:
      return "Lensbridge can't be reached right now. Try again in a moment.";
    case CommonErrorCode.DependencyUnavailable:
      return `Part of Lensbridge is not answering right now. ${waitPhrase(error.retryAfterSeconds)} and try again.`;
    case MediaErrorCode.ImageProcessingUnavailable:
      return `We could not process this photo right now. ${waitPhrase(error.retryAfterSeconds)} and upload it again.`;
    case CommonErrorCode.Forbidden:
      return "Your account can't do that.";
    default:
      return error.status >= 500
        ? 'Something went wrong on our side. Try again in a moment.'
        : error.message;
  }
}
