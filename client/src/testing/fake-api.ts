import { http, HttpResponse, type JsonBodyType } from 'msw';
import { routeNotFound, server } from './api-server';

/** One request as the app sent it, read from the `Request` MSW intercepted (fetch or XHR). */
export interface RecordedCall {
  method: string;
  path: string;
  /** The query string, e.g. `call.query.get('from')`. */
  query: URLSearchParams;
  headers: Headers;
  /** Parsed JSON, `FormData` for multipart, the text otherwise; `undefined` without a body. */
  body: unknown;
  credentials: RequestCredentials;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

const handlerFor = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
} as const;

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return HttpResponse.json(body as JsonBodyType, { status, headers });
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
  return new HttpResponse(null, { status: 204 });
}

/** The request never gets an answer (offline, DNS, server down): fetch rejects, XHR errors. */
export function networkError() {
  return HttpResponse.error();
}

export const signedOut = () => apiError(401, 'UNAUTHENTICATED', 'Log in to continue.');

async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) return request.formData();
  const text = await request.text();
  if (!text) return undefined;
  return type.includes('json') ? (JSON.parse(text) as unknown) : text;
}

/**
 * Answers `'METHOD /path'` routes for this test through the MSW server (see `api-server.ts`).
 * The query string is not part of the route. Unknown `/api` routes answer 404 ROUTE_NOT_FOUND
 * like the real server. Every `/api` request is recorded when MSW handles it (a tick after the
 * `fetch` call: wait for it with `waitFor` where a test asserts right after a UI change).
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];

  async function record(request: Request): Promise<RecordedCall> {
    const url = new URL(request.url);
    const call: RecordedCall = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: undefined,
      credentials: request.credentials,
    };
    calls.push(call);
    call.body = await readBody(request.clone());
    return call;
  }

  const routeHandlers = Object.entries(routes).map(([route, handler]) => {
    const [method, path] = route.split(' ');
    if (!(method && path && method in handlerFor)) throw new Error(`Not a route: '${route}'`);
    return handlerFor[method as keyof typeof handlerFor](path, async ({ request }) =>
      handler(await record(request)),
    );
  });
  const unknownRoute = http.all('/api/*', async ({ request }) => {
    await record(request);
    return routeNotFound(request);
  });
  server.use(...routeHandlers, unknownRoute);

  return {
    calls,
    callsTo: (route: string) => calls.filter((c) => `${c.method} ${c.path}` === route),
  };
}
