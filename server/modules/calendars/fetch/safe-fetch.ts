import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { CalendarFetchError } from './calendar-fetch.errors';
import { bareHostname, checkCalendarUrl, checkWithinSite } from './calendar-url';
import {
  asFetchError,
  decodersFor,
  guardedLookup,
  readBody,
  send,
  type Outgoing,
} from './http-exchange';
import { isPublicAddress } from './public-address';

export { checkCalendarUrl } from './calendar-url';

export interface FetchPolicy {
  /**
   * false in production: refuse loopback, private (RFC 1918), link-local (169.254/16 incl. cloud
   * metadata), CGNAT 100.64/10, unique-local fc00::/7, fe80::/10, ::1, 0.0.0.0/8, multicast,
   * IPv4-mapped IPv6 of those, etc.
   */
  allowPrivateAddresses: boolean;
  /** Whole-request deadline (connect + headers + body, across redirects). */
  timeoutMs: number;
  /** Largest response body accepted, decompressed; more is an error. */
  maxBytes: number;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Set by us on every hop, whatever the caller passed. */
const OWN_HEADERS = [
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'accept-encoding',
];
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * A fetch-compatible function that only talks to `entered`'s site (its host, or a host with the
 * same last two DNS labels, on the entered or the default port), for tsdav's `fetch` option or a
 * plain ICS download. Redirects are followed and re-checked hop by hop; HTTP error statuses come
 * back as Responses (see httpStatusError); everything else fails with a CalendarFetchError.
 */
export function safeFetch(entered: string | URL, policy: FetchPolicy): typeof fetch {
  const origin = checkCalendarUrl(String(entered));
  const lookup = guardedLookup(policy.allowPrivateAddresses);
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { outgoing, signal } = await describeRequest(origin, input, init ?? {});
    const controller = new AbortController();
    let current = outgoing;
    const timer = setTimeout(
      () => controller.abort(CalendarFetchError.timeout(current.url.host, policy.timeoutMs)),
      policy.timeoutMs,
    );
    const onCallerAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onCallerAbort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      for (let hop = 0; ; hop++) {
        checkTarget(origin, current.url, policy);
        const response = await send(current, lookup, controller.signal);
        const location = response.headers.location;
        const status = response.statusCode ?? 0;
        if (!REDIRECT_STATUSES.has(status) || !location) {
          return await toResponse(response, current, policy, controller.signal, hop > 0);
        }
        response.destroy();
        if (hop === MAX_REDIRECTS) {
          throw CalendarFetchError.tooManyRedirects(origin.host, MAX_REDIRECTS);
        }
        current = redirected(current, status, location);
      }
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw asFetchError(error, current.url.host);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}

/** Refuses a URL outside the entered site, or an IP literal that is not public (no DNS asked). */
function checkTarget(origin: URL, url: URL, policy: FetchPolicy): void {
  checkWithinSite(origin, url);
  const host = bareHostname(url);
  if (!policy.allowPrivateAddresses && isIP(host) && !isPublicAddress(host)) {
    throw CalendarFetchError.privateAddress(host, host);
  }
}

/** The caller's arguments, in any form fetch accepts, as one request to send. */
async function describeRequest(
  origin: URL,
  input: string | URL | Request,
  init: RequestInit,
): Promise<{ outgoing: Outgoing; signal?: AbortSignal }> {
  const request = input instanceof Request ? input : undefined;
  const text = request?.url ?? String(input);
  // A relative URL (a DAV href such as /calendars/me/) is read against the entered one.
  const url = checkCalendarUrl(URL.canParse(text, origin.href) ? new URL(text, origin).href : text);
  const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
  if (!TOKEN.test(method)) throw new TypeError(`"${method}" is not an HTTP method`);
  const headers = new Headers(init.headers ?? request?.headers);
  let body: Buffer | undefined;
  if (init.body != null) {
    // Response reads every BodyInit form (string, Buffer, URLSearchParams, Blob, stream…).
    const wrapped = new Response(init.body);
    body = Buffer.from(await wrapped.arrayBuffer());
    const type = wrapped.headers.get('content-type');
    if (type && !headers.has('content-type')) headers.set('content-type', type);
  } else if (init.body === undefined && request?.body) {
    body = Buffer.from(await request.arrayBuffer());
  }
  for (const name of OWN_HEADERS) headers.delete(name);
  headers.set('accept-encoding', 'gzip, deflate, br');
  if (!headers.has('user-agent')) headers.set('user-agent', 'Lensbridge-Calendar/1.0');
  return {
    outgoing: { url, method, headers: Object.fromEntries(headers), body },
    signal: init.signal ?? request?.signal,
  };
}

/**
 * The next hop of a redirect: 303 (and 301/302 after a POST) becomes a bodiless GET, as
 * browsers do; credentials go on only to the same host, and never from https down to http.
 */
function redirected(previous: Outgoing, status: number, location: string): Outgoing {
  if (!URL.canParse(location, previous.url.href)) {
    throw CalendarFetchError.unreachable(previous.url.host, 'the server sent a broken redirect');
  }
  const url = checkCalendarUrl(new URL(location, previous.url).href);
  const toGet =
    (status === 303 && previous.method !== 'HEAD') ||
    ((status === 301 || status === 302) && previous.method === 'POST');
  const headers = { ...previous.headers };
  if (toGet) for (const name of BODY_HEADERS) delete headers[name];
  const sameHost = url.hostname === previous.url.hostname;
  const downgrade = previous.url.protocol === 'https:' && url.protocol === 'http:';
  if (!sameHost || downgrade) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  return {
    url,
    method: toGet ? 'GET' : previous.method,
    headers,
    body: toGet ? undefined : previous.body,
  };
}

async function toResponse(
  response: IncomingMessage,
  sent: Outgoing,
  policy: FetchPolicy,
  signal: AbortSignal,
  wasRedirected: boolean,
): Promise<Response> {
  const status = response.statusCode ?? 0;
  const host = sent.url.host;
  if (status < 200 || status > 599) {
    response.destroy();
    throw CalendarFetchError.unreachable(host, `the server answered with status ${status}`);
  }
  const headers = new Headers();
  for (let i = 0; i < response.rawHeaders.length; i += 2) {
    try {
      headers.append(response.rawHeaders[i], response.rawHeaders[i + 1]);
    } catch {
      // A header value Headers refuses is one no caller of ours reads: leave it out.
    }
  }
  let body: Buffer | null = null;
  if (NULL_BODY_STATUSES.has(status) || sent.method === 'HEAD') {
    response.destroy();
  } else {
    const decoders = decodersFor(response.headers['content-encoding']);
    const tooLarge = () => CalendarFetchError.tooLarge(host, policy.maxBytes);
    body = await readBody(response, decoders ?? [], policy.maxBytes, signal, tooLarge);
    if (decoders?.length) {
      // The body is decoded now: these would describe the bytes on the wire, not these.
      headers.delete('content-encoding');
      headers.delete('content-length');
    }
  }
  // A view, not a copy: Response takes a Uint8Array under both the Node and the DOM typings.
  const bytes =
    body && new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  const result = new Response(bytes, { status, statusText: response.statusMessage, headers });
  // A constructed Response has no URL; tsdav reports it as the href of an unparsed answer.
  Object.defineProperties(result, {
    url: { value: sent.url.href },
    redirected: { value: wasRedirected },
  });
  return result;
}
