import { lookup as resolve } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { CalendarFetchError } from './calendar-fetch.errors';
import { bareHostname } from './calendar-url';
import { isPublicAddress } from './public-address';

/** One HTTP request as sent on the wire (one hop of a redirect chain). */
export interface Outgoing {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/**
 * A resolver for `http.request` that refuses non-public addresses. Checking inside the socket's
 * own lookup means the address checked is the address connected to: a second DNS answer (DNS
 * rebinding) cannot slip a private address in between.
 */
export function guardedLookup(allowPrivateAddresses: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const query = { family: options.family, hints: options.hints, all: true } as const;
    resolve(hostname, query, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivateAddresses
        ? undefined
        : addresses.find(({ address }) => !isPublicAddress(address));
      if (refused)
        return callback(CalendarFetchError.privateAddress(hostname, refused.address), []);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(hostname), { code: 'ENOTFOUND' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

/** Sends one request; resolves with the response once its headers arrived. */
export function send(
  outgoing: Outgoing,
  lookup: LookupFunction,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  const { url } = outgoing;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolveResponse, reject) => {
    const request = client.request({
      protocol: url.protocol,
      hostname: bareHostname(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: outgoing.method,
      headers: outgoing.headers,
      lookup,
      // A fresh connection per request: no pooled socket outlives the call or skips the lookup.
      agent: false,
      signal,
    });
    // Stays attached after the response: a late socket error must never go unhandled.
    request.on('error', reject);
    request.on('response', (response) => {
      response.on('error', () => undefined); // reported by readBody's pipeline
      resolveResponse(response);
    });
    request.end(outgoing.body);
  });
}

/**
 * Decoders for a Content-Encoding, outermost last; null when one of them is unknown (then the
 * body is passed on as sent, with its Content-Encoding header).
 */
export function decodersFor(contentEncoding: string | undefined): (() => Transform)[] | null {
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const brotli = {
    flush: zlib.constants.BROTLI_OPERATION_FLUSH,
    finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
  };
  const known: Record<string, () => Transform> = {
    gzip: () => zlib.createGunzip(lenient),
    'x-gzip': () => zlib.createGunzip(lenient),
    deflate: () => zlib.createInflate(lenient),
    br: () => zlib.createBrotliDecompress(brotli),
  };
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity')
    .reverse();
  if (codings.some((coding) => !(coding in known))) return null;
  return codings.map((coding) => known[coding]);
}

/**
 * Reads the whole body, decompressed, and fails with `tooLarge` as soon as the decompressed size
 * passes `maxBytes` (so a small compressed bomb is stopped too); the socket is destroyed then.
 */
export async function readBody(
  response: http.IncomingMessage,
  decoders: (() => Transform)[],
  maxBytes: number,
  signal: AbortSignal,
  tooLarge: () => Error,
): Promise<Buffer> {
  if (decoders.length === 0 && Number(response.headers['content-length']) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge());
      chunks.push(chunk);
      done();
    },
  });
  await pipeline([response, ...decoders.map((create) => create()), sink], { signal });
  return Buffer.concat(chunks, size);
}

/** A network failure as a CalendarFetchError; anything else (a bug) is returned unchanged. */
export function asFetchError(error: unknown, host: string): unknown {
  if (error instanceof CalendarFetchError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // ERR_INVALID_* is a bad argument (a bug here), not the network.
  if (typeof code !== 'string' || code.startsWith('ERR_INVALID')) return error;
  return CalendarFetchError.unreachable(host, reasonFor(code), code);
}

function reasonFor(code: string): string {
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'].includes(code)) {
    return 'no server by that name was found';
  }
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(code)) return 'the connection was cut off';
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'].includes(code)) {
    return 'there is no network route to the server';
  }
  if (code === 'ETIMEDOUT') return 'the connection timed out';
  if (code.startsWith('HPE_')) return 'the server did not answer in HTTP';
  if (code.startsWith('Z_') || code.startsWith('ERR__') || code.includes('BROTLI')) {
    return 'the server sent a damaged compressed answer';
  }
  if (/SSL|TLS|CERT|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED/.test(code)) {
    return `the secure connection failed (${code}); the server's certificate may be invalid or expired`;
  }
  return `the connection failed (${code})`;
}
