import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  /** The query string, e.g. `call.query.get('from')`. */
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** An error answer shaped like the server's exception filter writes it. */
export function apiError(
  status: number,
  code: string,
  message: string,
  extra: { details?: unknown; headers?: Record<string, string> } = {},
) {
  const body = {
    statusCode: status,
    code,
    message,
    ...(extra.details ? { details: extra.details } : {}),
  };
  return json(status, body, extra.headers);
}

export function noContent() {
  return new Response(null, { status: 204 });
}

export const signedOut = () => apiError(401, 'UNAUTHENTICATED', 'Log in to continue.');

/**
 * Replaces `globalThis.fetch`, the network boundary, with a table of `'METHOD /path'` handlers.
 * Unknown routes answer 404 ROUTE_NOT_FOUND like the real server. Every call is recorded.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return apiError(404, 'ROUTE_NOT_FOUND', `No route for ${method} ${url.pathname}`);
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (route: string) => calls.filter((c) => `${c.method} ${c.path}` === route),
  };
}
