import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers, as a photographer's calendar host might on a bad day. */
export type IcsMode = 'ok' | 'error' | 'html' | 'hang' | 'huge';

/**
 * A calendar host on a loopback port serving one iCalendar file at `/calendar.ics`, with an ETag
 * (304 on If-None-Match), a request log and switchable failures.
 */
export interface IcsServer {
  url: string;
  /** Replaces the file (a new ETag). */
  serve(ics: string): void;
  mode: IcsMode;
  /** Status of each request so far. */
  readonly answered: number[];
  close(): Promise<void>;
}

export async function startIcsServer(initial: string): Promise<IcsServer> {
  let body = initial;
  const hanging = new Set<http.ServerResponse>();
  const state: IcsServer = {
    url: '',
    mode: 'ok',
    answered: [],
    serve(ics: string) {
      body = ics;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const answer = (response: http.ServerResponse, status: number, type: string, text?: string) => {
    state.answered.push(status);
    response.writeHead(status, { 'content-type': type });
    response.end(text);
  };
  const server = http.createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/calendar.ics')
      return answer(response, 404, 'text/plain', 'not found');
    switch (state.mode) {
      case 'error':
        return answer(response, 500, 'text/plain', 'upstream failure');
      case 'html':
        return answer(response, 200, 'text/html', '<!doctype html><title>Sign in</title>');
      case 'hang':
        hanging.add(response);
        return;
      case 'huge':
        return answer(response, 200, 'text/calendar', 'X'.repeat(300_000));
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      state.answered.push(304);
      response.writeHead(304, { etag });
      return response.end();
    }
    state.answered.push(200);
    response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics`;
  return state;
}
