import { delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, json, networkError, noContent } from '@/testing/fake-api';
import { answer, api, apiClient, ApiError, NetworkError, rememberCsrfToken } from './api-client';

describe('the typed api client', () => {
  it('sends the CSRF cookie as X-CSRF-Token on writes only, with the session cookie, and returns the answer', async () => {
    document.cookie = 'lb_csrf=cookie-token; path=/';
    const fake = fakeApi({
      'GET /api/payments/options': () => json(200, { provider: 'manual' }),
      'POST /api/auth/logout': noContent,
    });

    await expect(answer(apiClient.GET('/api/payments/options'))).resolves.toEqual({
      provider: 'manual',
    });
    await expect(answer(apiClient.POST('/api/auth/logout'))).resolves.toBeUndefined();

    const [read] = fake.callsTo('GET /api/payments/options');
    const [write] = fake.callsTo('POST /api/auth/logout');
    expect(read?.headers.has('x-csrf-token')).toBe(false);
    expect(read?.headers.get('accept')).toBe('application/json');
    expect(write?.headers.get('x-csrf-token')).toBe('cookie-token');
    expect(write?.credentials).toBe('same-origin');
  });

  it('falls back to the token from the session answer when there is no cookie', async () => {
    const fake = fakeApi({ 'DELETE /api/me/sessions/s1': noContent });
    rememberCsrfToken('session-token');

    await expect(
      answer(apiClient.DELETE('/api/me/sessions/{id}', { params: { path: { id: 's1' } } })),
    ).resolves.toBeUndefined();

    expect(fake.calls[0]?.headers.get('x-csrf-token')).toBe('session-token');
    rememberCsrfToken(undefined);
  });

  it('fills the path from typed parameters, the query from typed values, and sends the body as JSON', async () => {
    const fake = fakeApi({
      'POST /api/bookings/:id/decline': () => json(200, { id: 'b 1' }),
      'GET /api/admin/outbox': () => json(200, { items: [] }),
    });

    await answer(
      apiClient.POST('/api/bookings/{id}/decline', {
        params: { path: { id: 'b 1' } },
        body: { reason: 'Away that week' },
      }),
    );
    await answer(apiClient.GET('/api/admin/outbox', { params: { query: { page: 2 } } }));

    const [decline, outbox] = fake.calls;
    expect(decline?.path).toBe('/api/bookings/b%201/decline');
    expect(decline?.headers.get('content-type')).toBe('application/json');
    expect(decline?.body).toEqual({ reason: 'Away that week' });
    expect(outbox?.query.get('page')).toBe('2');
  });

  it('sends a JSON body on DELETE (the password that confirms a deletion)', async () => {
    const fake = fakeApi({ 'DELETE /api/me': () => json(200, { deleted: true }) });

    await expect(
      answer(apiClient.DELETE('/api/me', { body: { password: 'secret' } })),
    ).resolves.toEqual({ deleted: true });

    expect(fake.calls[0]?.body).toEqual({ password: 'secret' });
    expect(fake.calls[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('turns an error body into an ApiError with status, code, message and details', async () => {
    const details = [{ path: 'email', message: 'Enter a valid email address' }];
    fakeApi({
      'POST /api/auth/register': () =>
        apiError(400, 'VALIDATION_FAILED', 'email: Enter a valid email address', { details }),
    });

    const error = await answer(
      apiClient.POST('/api/auth/register', {
        body: { email: 'not-an-email', password: 'x', name: 'A', role: 'client' },
      }),
    ).catch((e: unknown) => e);

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

    await expect(
      answer(apiClient.POST('/api/auth/login', { body: { email: 'a@b.co', password: 'x' } })),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 42 });
  });

  it('reports a gateway page that is not our JSON as the service being unavailable', async () => {
    fakeApi({
      'GET /api/auth/me': () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });

    await expect(answer(apiClient.GET('/api/auth/me'))).rejects.toMatchObject({
      status: 502,
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it("says it can't reach Lensbridge when the network fails", async () => {
    fakeApi({ 'GET /api/auth/me': networkError });

    const error = await answer(apiClient.GET('/api/auth/me')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/^Can't reach Lensbridge/);
  });

  it('lets an abort stay an abort (TanStack Query cancels a query that way)', async () => {
    fakeApi({
      'GET /api/auth/me': async () => {
        await delay('infinite');
        return json(200, {});
      },
    });
    const controller = new AbortController();

    const call = answer(apiClient.GET('/api/auth/me', { signal: controller.signal }));
    controller.abort();

    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  describe('upload (XMLHttpRequest, for progress)', () => {
    const photo = () => new File(['jpeg bytes'], 'proof.jpg', { type: 'image/jpeg' });

    it('sends the typed fields as a form with the CSRF header and resolves with the JSON answer', async () => {
      document.cookie = 'lb_csrf=cookie-token; path=/';
      const fake = fakeApi({
        'POST /api/bookings/b1/gallery/finals': () => json(201, { id: 'f1' }),
      });

      await expect(
        api.upload(
          '/api/bookings/{id}/gallery/finals',
          { id: 'b1' },
          { proofId: 'p1', image: photo() },
        ),
      ).resolves.toEqual({ id: 'f1' });

      const [call] = fake.callsTo('POST /api/bookings/b1/gallery/finals');
      expect(call?.headers.get('x-csrf-token')).toBe('cookie-token');
      const form = call?.body as FormData;
      expect(form.get('proofId')).toBe('p1');
      // Only that a file part arrived: jsdom's File does not survive Node's Request (no bytes).
      expect(form.has('image')).toBe(true);
    });

    it('turns an error body into an ApiError with Retry-After', async () => {
      fakeApi({
        'POST /api/bookings/b1/gallery/proofs': () =>
          apiError(429, 'RATE_LIMITED', 'Too many uploads.', { headers: { 'Retry-After': '30' } }),
      });

      await expect(
        api.upload('/api/bookings/{id}/gallery/proofs', { id: 'b1' }, { images: [photo()] }),
      ).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    });

    it("says it can't reach Lensbridge when the network fails", async () => {
      fakeApi({ 'POST /api/bookings/b1/gallery/proofs': networkError });

      await expect(
        api.upload('/api/bookings/{id}/gallery/proofs', { id: 'b1' }, { images: [photo()] }),
      ).rejects.toBeInstanceOf(NetworkError);
    });
  });
});
