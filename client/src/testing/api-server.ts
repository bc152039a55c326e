import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** What the real server answers for a path it has no route for (its exception filter's shape). */
export function routeNotFound(request: Request) {
  const { pathname } = new URL(request.url);
  const message = `No route for ${request.method} ${pathname}`;
  return HttpResponse.json({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message }, { status: 404 });
}

/**
 * The network boundary of every client test: MSW intercepts fetch and XMLHttpRequest in this
 * process. `setup.ts` starts it; tests add routes with `fakeApi()` (or `server.use()`), and
 * they are dropped after each test. An `/api` path nobody answers gets the real server's 404;
 * any other request fails the test (`onUnhandledRequest: 'error'`).
 */
export const server = setupServer(http.all('/api/*', ({ request }) => routeNotFound(request)));
