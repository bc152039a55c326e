import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, apiClient, ApiError, NetworkError, rememberCsrfToken } from './api-client';

/** The network boundary as openapi-fetch calls it: one Request, answered by `respond`. */
function network(respond: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      requests.push(request);
      return respond(request);
    }),
  );
  return requests;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  rememberCsrfToken(undefined);
});

describe('the typed api client', () => {
  it('sends the CSRF token on writes only, with the session cookie, and returns the answer', async () => {
    document.cookie = 'lb_csrf=cookie-token; path=/';
    const requests = network((request) =>
      request.method === 'GET' ? json(200, { ok: true }) : new Response(null, { status: 204 }),
    );

    await answer(apiClient.GET('/api/auth/me'));
    await expect(answer(apiClient.POST('/api/auth/logout'))).resolves.toBeUndefined();

    const [read, write] = requests;
    expect(read?.headers.has('x-csrf-token')).toBe(false);
    expect(write?.headers.get('x-csrf-token')).toBe('cookie-token');
    expect(write?.credentials).toBe('same-origin');
    expect(new URL(write!.url).pathname).toBe('/api/auth/logout');
  });

  it('fills the path from typed parameters and sends the body as JSON', async () => {
    rememberCsrfToken('session-token');
    const requests = network(() => json(200, { id: 'b1' }));

    await answer(
      apiClient.POST('/api/bookings/{id}/decline', {
        params: { path: { id: 'b 1' } },
        body: { reason: 'Away that week' },
      }),
    );

    expect(new URL(requests[0]!.url).pathname).toBe('/api/bookings/b%201/decline');
    expect(requests[0]?.headers.get('x-csrf-token')).toBe('session-token');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    await expect(requests[0]?.json()).resolves.toEqual({ reason: 'Away that week' });
  });

  it('throws an ApiError with the code, details and Retry-After of an error answer', async () => {
    network(() =>
      json(
        429,
        { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many attempts' },
        { 'Retry-After': '30' },
      ),
    );

    const error = await answer(
      apiClient.POST('/api/auth/login', { body: { email: 'a@b.co', password: 'x' } }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 30 });
  });

  it('throws NetworkError when nothing answers, and lets an abort stay an abort', async () => {
    network(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(answer(apiClient.GET('/api/health'))).rejects.toBeInstanceOf(NetworkError);

    network(() => Promise.reject(new DOMException('Aborted', 'AbortError')));
    await expect(answer(apiClient.GET('/api/health'))).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
