import type { IncomingMessage } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { propfind } from 'tsdav';
import { CalendarFetchErrorCode as Code, httpStatusError } from './calendar-fetch.errors';
import { safeFetch, type FetchPolicy } from './safe-fetch';
import { errorCodeOf, localServers } from './testing/local-servers';

const policy: FetchPolicy = { allowPrivateAddresses: true, timeoutMs: 5000, maxBytes: 64 * 1024 };
const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('safeFetch', () => {
  const servers = localServers();
  afterEach(() => servers.closeAll());

  it('returns a calendar with its status, headers and URL', async () => {
    const { url } = await servers.serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/calendar', 'x-calendar': 'work' });
      response.end(ICS);
    });
    const response = await safeFetch(`${url}/feed.ics`, policy)(`${url}/feed.ics`);

    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar');
    expect(response.headers.get('x-calendar')).toBe('work');
    expect(response.url).toBe(`${url}/feed.ics`);
    expect(await response.text()).toBe(ICS);
  });

  it('sends a PROPFIND with its XML body and Depth header intact', async () => {
    let seen: { method?: string; depth?: string; type?: string; body?: string } = {};
    const { url } = await servers.serve(async (request, response) => {
      seen = {
        method: request.method,
        depth: request.headers.depth as string,
        type: request.headers['content-type'],
        body: await bodyOf(request),
      };
      response.writeHead(207, { 'content-type': 'application/xml' }).end('<multistatus/>');
    });
    const xml = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop/></d:propfind>';
    const response = await safeFetch(url, policy)(`${url}/dav/`, {
      method: 'PROPFIND',
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: xml,
    });

    expect(response.status).toBe(207);
    expect(seen).toEqual({
      method: 'PROPFIND',
      depth: '1',
      type: 'application/xml; charset=utf-8',
      body: xml,
    });
  });

  it('sends a Buffer body with a Headers instance, and relative DAV hrefs go to the entered host', async () => {
    const seen: string[] = [];
    const { url } = await servers.serve(async (request, response) => {
      seen.push(
        `${request.method} ${request.url} ${request.headers['if-match']} ${await bodyOf(request)}`,
      );
      response.writeHead(201).end();
    });
    const fetchWithin = safeFetch(url, policy);
    await fetchWithin(`${url}/cal/a.ics`, {
      method: 'PUT',
      headers: new Headers({ 'If-Match': '"1"' }),
      body: Buffer.from(ICS),
    });
    await fetchWithin('/cal/a.ics', { method: 'DELETE', headers: { 'If-Match': '"2"' } });

    expect(seen).toEqual([`PUT /cal/a.ics "1" ${ICS}`, 'DELETE /cal/a.ics "2" ']);
  });

  it('returns an HTTP error status as a Response; httpStatusError names it for the photographer', async () => {
    const { url } = await servers.serve((_request, response) => response.writeHead(404).end('no'));
    const response = await safeFetch(url, policy)(url);

    expect(response.status).toBe(404);
    expect(response.ok).toBe(false);
    expect(httpStatusError(401, 'the calendar server').code).toBe(Code.AuthFailed);
    expect(httpStatusError(403, 'the calendar server').message).toContain(
      'the server refused the user name or password',
    );
    expect(httpStatusError(410, 'the calendar link').code).toBe(Code.NotFound);
    expect(httpStatusError(500, 'the calendar link').code).toBe(Code.HttpError);
    expect(httpStatusError(500, 'the calendar link').message).toContain('HTTP 500');
  });

  it('returns 204 and 304 answers with an empty body', async () => {
    const { url } = await servers.serve((request, response) =>
      response.writeHead(request.url === '/gone' ? 204 : 304).end(),
    );
    const fetchWithin = safeFetch(url, policy);

    expect(await (await fetchWithin(`${url}/gone`, { method: 'DELETE' })).text()).toBe('');
    expect((await fetchWithin(`${url}/same`)).status).toBe(304);
  });

  describe('redirects', () => {
    it('follows a redirect on the same host, and a 303 after a PROPFIND turns into a GET', async () => {
      const seen: string[] = [];
      const { url } = await servers.serve((request, response) => {
        seen.push(`${request.method} ${request.url}`);
        if (request.url === '/old') return response.writeHead(301, { location: '/moved' }).end();
        if (request.url === '/moved') return response.writeHead(303, { location: '/new' }).end();
        response.writeHead(200).end(ICS);
      });
      const response = await safeFetch(url, policy)(`${url}/old`, { method: 'PROPFIND' });

      expect(await response.text()).toBe(ICS);
      expect(response.url).toBe(`${url}/new`);
      expect(response.redirected).toBe(true);
      expect(seen).toEqual(['PROPFIND /old', 'PROPFIND /moved', 'GET /new']);
    });

    it.each([
      ['another host on the same machine', 'http://localhost:PORT/', Code.AddressRefused],
      ['another site', 'http://calendar.example.invalid/feed.ics', Code.AddressRefused],
      ['another port', 'http://127.0.0.1:1/feed.ics', Code.AddressRefused],
      ['a non-web scheme', 'ftp://127.0.0.1/feed.ics', Code.UrlInvalid],
    ])('refuses a redirect to %s', async (_case, target, expected) => {
      const server = await servers.serve((_request, response) =>
        response.writeHead(302, { location: target.replace('PORT', String(server.port)) }).end(),
      );

      expect(await errorCodeOf(safeFetch(server.url, policy)(server.url))).toBe(expected);
      expect(server.connections()).toBe(1);
    });

    it('gives up after five redirects', async () => {
      let requests = 0;
      const { url } = await servers.serve((_request, response) => {
        requests++;
        response.writeHead(307, { location: `/hop-${requests}` }).end();
      });

      expect(await errorCodeOf(safeFetch(url, policy)(url))).toBe(Code.TooManyRedirects);
      expect(requests).toBe(6);
    });
  });

  it('refuses a later URL outside the entered site before asking DNS or connecting', async () => {
    const fetchWithin = safeFetch('https://caldav.icloud.com/', policy);

    expect(await errorCodeOf(fetchWithin('https://evil.com/principal/'))).toBe(Code.AddressRefused);
  });

  describe('size', () => {
    const small = { ...policy, maxBytes: 1000 };

    it.each([
      ['streamed without a length', false],
      ['announced by Content-Length', true],
    ])('refuses a body one byte over maxBytes, %s', async (_case, announced) => {
      const { url } = await servers.serve((_request, response) => {
        if (announced) response.setHeader('content-length', 1001);
        response.write('x'.repeat(600));
        response.end('x'.repeat(401));
      });

      expect(await errorCodeOf(safeFetch(url, small)(url))).toBe(Code.TooLarge);
    });

    it('accepts a body of exactly maxBytes', async () => {
      const { url } = await servers.serve((_request, response) => response.end('x'.repeat(1000)));

      expect((await (await safeFetch(url, small)(url)).text()).length).toBe(1000);
    });

    it.each([
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ])('decompresses %s and drops the encoding headers', async (encoding, compress) => {
      const { url } = await servers.serve((request, response) => {
        response.writeHead(200, { 'content-encoding': encoding, vary: 'accept-encoding' });
        response.end(
          request.headers['accept-encoding'] === 'gzip, deflate, br' ? compress(ICS) : '',
        );
      });
      const response = await safeFetch(url, policy)(url);

      expect(await response.text()).toBe(ICS);
      expect(response.headers.get('content-encoding')).toBeNull();
    });

    it('counts the decompressed size: a 10 KB gzip of 10 MB is too large', async () => {
      const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
      const { url } = await servers.serve((_request, response) => {
        response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length });
        response.end(bomb);
      });

      const limit = { ...policy, maxBytes: 1024 * 1024 };

      expect(bomb.length).toBeLessThan(limit.maxBytes);
      expect(await errorCodeOf(safeFetch(url, limit)(url))).toBe(Code.TooLarge);
    });
  });

  describe('failures', () => {
    const quick = { ...policy, timeoutMs: 300 };

    it('times out on a server that never answers', async () => {
      const { url } = await servers.serve(() => undefined);

      expect(await errorCodeOf(safeFetch(url, quick)(url))).toBe(Code.Timeout);
    });

    it('times out on a body that never ends', async () => {
      const { url } = await servers.serve((_request, response) => response.write('BEGIN:'));

      expect(await errorCodeOf(safeFetch(url, quick)(url))).toBe(Code.Timeout);
    });

    it('leaves no timer running after a fetch', async () => {
      const { url } = await servers.serve((_request, response) => response.end(ICS));
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const before = timers();
      await (await safeFetch(url, policy)(url)).text();

      expect(timers()).toBe(before);
    });

    it('stops when the caller aborts', async () => {
      const { url } = await servers.serve(() => undefined);
      const controller = new AbortController();
      const fetching = safeFetch(url, policy)(url, { signal: controller.signal });
      controller.abort();

      await expect(fetching).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('reports a refused connection as unreachable', async () => {
      const url = `http://127.0.0.1:${await servers.closedPort()}/`;

      expect(await errorCodeOf(safeFetch(url, policy)(url))).toBe(Code.Unreachable);
    });

    it('reports an unknown host as unreachable', async () => {
      const url = 'http://no-such-calendar.invalid/feed.ics';

      expect(await errorCodeOf(safeFetch(url, policy)(url))).toBe(Code.Unreachable);
    });

    it('reports a failed TLS handshake as unreachable', async () => {
      const { port } = await servers.serve((_request, response) => response.end(ICS));
      const url = `https://localhost:${port}/`;

      expect(await errorCodeOf(safeFetch(url, policy)(url))).toBe(Code.Unreachable);
    });
  });

  it("carries tsdav's propfind: tsdav parses the multistatus through our fetch", async () => {
    let seen: { method?: string; depth?: string; authorization?: string } = {};
    const { url } = await servers.serve((request, response) => {
      seen = {
        method: request.method,
        depth: request.headers.depth as string,
        authorization: request.headers.authorization,
      };
      response.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' });
      response.end(`<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
  <d:response>
    <d:href>/calendars/lena/work/</d:href>
    <d:propstat>
      <d:prop><d:displayname>Work</d:displayname></d:prop>
      <d:status>HTTP/1.1 200 OK</d:status>
    </d:propstat>
  </d:response>
</d:multistatus>`);
    });
    const [result] = await propfind({
      url: `${url}/calendars/lena/work/`,
      props: { 'd:displayname': {} },
      depth: '0',
      headers: { authorization: 'Basic bGVuYTpzZWNyZXQ=' },
      fetch: safeFetch(url, policy),
    });

    expect(seen).toEqual({
      method: 'PROPFIND',
      depth: '0',
      authorization: 'Basic bGVuYTpzZWNyZXQ=',
    });
    expect(result).toMatchObject({
      href: '/calendars/lena/work/',
      ok: true,
      props: { displayname: 'Work' },
    });
  });
});
