import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, json, networkError, noContent } from '@/testing/fake-api';
import { api, ApiError, NetworkError, rememberCsrfToken } from './api-client';

describe('api client', () => {
  it('sends the CSRF cookie as X-CSRF-Token on writes, and not on reads', async () => {
    document.cookie = 'lb_csrf=cookie-token; path=/';
    const fake = fakeApi({
      'GET /api/things': () => json(200, []),
      'POST /api/things': () => json(201, { id: 1 }),
    });

    await api.get('/things');
    await expect(api.post('/things', { name: 'lens' })).resolves.toEqual({ id: 1 });

    const [read] = fake.callsTo('GET /api/things');
    const [write] = fake.callsTo('POST /api/things');
    expect(read?.headers.has('x-csrf-token')).toBe(false);
    expect(write?.headers.get('x-csrf-token')).toBe('cookie-token');
    expect(write?.headers.get('content-type')).toBe('application/json');
    expect(write?.body).toEqual({ name: 'lens' });
    expect(write?.credentials).toBe('same-origin');
  });

  it('falls back to the token from the session answer when there is no cookie', async () => {
    const fake = fakeApi({ 'DELETE /api/things/1': noContent });
    rememberCsrfToken('session-token');

    await expect(api.delete('/things/1')).resolves.toBeUndefined();

    expect(fake.calls[0]?.headers.get('x-csrf-token')).toBe('session-token');
    rememberCsrfToken(undefined);
  });

  it('sends a JSON body on DELETE when given one (the password that confirms a deletion)', async () => {
    const fake = fakeApi({ 'DELETE /api/me': () => json(200, { deleted: true }) });

    await expect(api.delete('/me', { body: { password: 'secret' } })).resolves.toEqual({
      deleted: true,
    });

    expect(fake.calls[0]?.body).toEqual({ password: 'secret' });
    expect(fake.calls[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('turns an error body into an ApiError with status, code, message and details', async () => {
    const details = [{ path: 'email', message: 'Enter a valid email address' }];
    fakeApi({
      'POST /api/auth/register': () =>
        apiError(400, 'VALIDATION_FAILED', 'email: Enter a valid email address', { details }),
    });

    const error = await api.post('/auth/register', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'email: Enter a valid email address',
      fieldErrors: details,
    });
  });

  it('reads Retry-After on 429', async () => {
    fakeApi({
      'POST /api/auth/login': () =>
        apiError(429, 'RATE_LIMITED', 'Too many attempts.', { headers: { 'Retry-After': '42' } }),
    });

    await expect(api.post('/auth/login', {})).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 42,
    });
  });

  it('reports a gateway page that is not our JSON as the service being unavailable', async () => {
    fakeApi({
      'GET /api/auth/me': () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });

    await expect(api.get('/auth/me')).rejects.toMatchObject({
      status: 502,
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it("says it can't reach Lensbridge when the network fails", async () => {
    fakeApi({ 'GET /api/auth/me': networkError });

    const error = await api.get('/auth/me').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/^Can't reach Lensbridge/);
  });

  describe('upload (XMLHttpRequest, for progress)', () => {
    const form = () => {
      const body = new FormData();
      body.append('photo', new File(['jpeg bytes'], 'proof.jpg', { type: 'image/jpeg' }));
      return body;
    };

    it('sends the form with the CSRF header and resolves with the JSON answer', async () => {
      document.cookie = 'lb_csrf=cookie-token; path=/';
      const fake = fakeApi({
        'POST /api/bookings/b1/gallery/proofs': () => json(201, { id: 'p1' }),
      });

      await expect(
        api.upload('/api/bookings/{id}/gallery/proofs', { id: 'b1' }, form()),
      ).resolves.toEqual({
        id: 'p1',
      });

      const [call] = fake.callsTo('POST /api/bookings/b1/gallery/proofs');
      expect(call?.headers.get('x-csrf-token')).toBe('cookie-token');
      // Only that a photo part arrived: jsdom's File does not survive Node's Request (no bytes).
      expect((call?.body as FormData).has('photo')).toBe(true);
    });

    it('turns an error body into an ApiError with Retry-After', async () => {
      fakeApi({
        'POST /api/bookings/b1/gallery/finals': () =>
          apiError(429, 'RATE_LIMITED', 'Too many uploads.', { headers: { 'Retry-After': '30' } }),
      });

      await expect(
        api.upload('/api/bookings/{id}/gallery/finals', { id: 'b1' }, form()),
      ).rejects.toMatchObject({
        status: 429,
        code: 'RATE_LIMITED',
        retryAfterSeconds: 30,
      });
    });

    it("says it can't reach Lensbridge when the network fails", async () => {
      fakeApi({ 'POST /api/bookings/b1/gallery/proofs': networkError });

      await expect(
        api.upload('/api/bookings/{id}/gallery/proofs', { id: 'b1' }, form()),
      ).rejects.toBeInstanceOf(NetworkError);
    });
  });
});
