import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CalendarFetchError } from '../calendar-fetch.errors';

export interface LocalServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** TCP connections accepted so far. */
  connections: () => number;
}

/** Real HTTP servers on 127.0.0.1 for one suite; call `closeAll` in afterEach. */
export function localServers() {
  const running: http.Server[] = [];
  return {
    /** `handler` may be async (read the request body first); it must not reject. */
    async serve(
      handler: (request: http.IncomingMessage, response: http.ServerResponse) => unknown,
    ): Promise<LocalServer> {
      const server = http.createServer((request, response) => void handler(request, response));
      let connections = 0;
      server.on('connection', () => connections++);
      running.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, port, connections: () => connections };
    },
    /** A port nothing listens on (bound, then released). */
    async closedPort(): Promise<number> {
      const server = http.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise((resolve) => server.close(resolve));
      return port;
    },
    async closeAll(): Promise<void> {
      const servers = running.splice(0);
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

/** The CalendarFetchError code a promise rejects with (fails the test if it resolves). */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('expected a CalendarFetchError, but the fetch succeeded'),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof CalendarFetchError)) throw error;
  return error.code;
}
