import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-client';
import { describeError } from './error-messages';

describe('describeError', () => {
  it('asks to upload again after the wait the server gave when no worker could process a photo', () => {
    const busy = new ApiError(503, 'IMAGE_PROCESSING_UNAVAILABLE', 'ignored', undefined, 30);
    expect(describeError(busy)).toBe(
      'We could not process this photo right now. Wait 30 seconds and upload it again.',
    );
  });

  it('says a part is away (503 DEPENDENCY_UNAVAILABLE) with the wait, not "something went wrong"', () => {
    const away = new ApiError(503, 'DEPENDENCY_UNAVAILABLE', 'ignored', undefined, 5);
    expect(describeError(away)).toBe(
      'Part of Lensbridge is not answering right now. Wait 5 seconds and try again.',
    );
  });

  it('keeps the server’s own words for a refusal, and hides them for an unknown server error', () => {
    expect(describeError(new ApiError(422, 'IMAGE_CORRUPT', 'This image is damaged.'))).toBe(
      'This image is damaged.',
    );
    expect(describeError(new ApiError(500, 'INTERNAL', 'stack trace'))).toBe(
      'Something went wrong on our side. Try again in a moment.',
    );
    expect(describeError(new NetworkError())).toBe(
      "Can't reach Lensbridge. Check your connection and try again.",
    );
  });
});
