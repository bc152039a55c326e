import { CSRF_COOKIE, CSRF_HEADER } from '@shared/auth/auth.types';
import { CommonErrorCode, isApiErrorBody } from '@shared/errors';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema';

const API_BASE = '/api';

/** One field-level problem reported with VALIDATION_FAILED. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A non-2xx answer from the API, carrying the server's stable error `code`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait before retrying, from the `Retry-After` header (429/503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** The `{ path, message }` entries of a VALIDATION_FAILED answer; empty otherwise. */
  get fieldErrors(): ApiErrorDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ApiErrorDetail =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as ApiErrorDetail).path === 'string' &&
        typeof (d as ApiErrorDetail).message === 'string',
    );
  }
}

/** The request never got an answer: offline, DNS, server down, CORS. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(options?: ErrorOptions) {
    super("Can't reach Lensbridge. Check your connection and try again.", options);
  }
}

// The session answer also carries the token; it is the fallback when the cookie is unreadable.
let sessionCsrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  sessionCsrfToken = token;
}

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function csrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE) || sessionCsrfToken;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isApiErrorBody(body)) {
    return new ApiError(response.status, body.code, body.message, body.details, retryAfter);
  }
  // Not our JSON: a proxy or gateway answered (e.g. the API is restarting behind Vite/nginx).
  const serverSide = response.status >= 500;
  return new ApiError(
    response.status,
    serverSide ? CommonErrorCode.ServiceUnavailable : 'HTTP_ERROR',
    serverSide
      ? "Lensbridge can't be reached right now. Try again in a moment."
      : `The request failed (HTTP ${response.status}).`,
    undefined,
    retryAfter,
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // FormData (file uploads) sets its own multipart Content-Type with the boundary.
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : multipart
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError({ cause: error });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

/**
 * The CSRF header on writes, and the same errors as every other call: a non-2xx answer throws
 * ApiError (with Retry-After), a request that got no answer throws NetworkError, an abort stays
 * an AbortError.
 */
const csrfAndErrors: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    const token = request.method === 'GET' ? undefined : csrfToken();
    if (token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await toApiError(response);
    return undefined;
  },
  onError({ error }) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    return new NetworkError({ cause: error });
  },
};

/**
 * Typed calls to `/api`: paths, parameters, bodies and answers are checked by the compiler
 * against `api-schema.d.ts`, generated from the server's OpenAPI document
 * (`npm run openapi:generate`). Errors are thrown (see `csrfAndErrors`), so a resolved call
 * always carries its `data`; read it with `answer()`.
 */
export const apiClient = createClient<paths>({
  // Absolute, because a Request needs one outside the browser (tests); the paths start at /api.
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  // Looked up on each call, so a test's network fake (or MSW) installed later still applies.
  fetch: (request) => globalThis.fetch(request),
});
apiClient.use(csrfAndErrors);

type Answer<T> = [T] extends [never] ? undefined : Exclude<T, undefined>;

/** The body of a typed call's answer (undefined for 204). Errors have already been thrown. */
export async function answer<T>(call: Promise<{ data?: T }>): Promise<Answer<T>> {
  const { data } = await call;
  return data as Answer<T>;
}

/** The POST routes of the API, their path parameters and their JSON answer, from `paths`. */
type PostPath = {
  [P in keyof paths]: paths[P] extends { post: { responses: object } } ? P : never;
}[keyof paths];
type PostOperation<P extends PostPath> = paths[P] extends { post: infer Op } ? Op : never;
type PathParams<P extends PostPath> =
  PostOperation<P> extends { parameters: { path: infer X } } ? X : never;
type PostAnswer<P extends PostPath> =
  PostOperation<P> extends { responses: infer R }
    ? {
        [C in keyof R]: C extends 200 | 201 | 202
          ? R[C] extends { content: { 'application/json': infer T } }
            ? T
            : never
          : never;
      }[keyof R]
    : never;

export interface UploadOptions {
  /** Bytes sent so far and in total, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * A multipart POST with upload progress (fetch cannot report it, so this uses XHR), with the
 * same CSRF header and the same errors as every other call. Typed like `apiClient`: the path
 * is a POST route of the document, `params` fills its `{placeholders}`.
 */
function upload<P extends PostPath>(
  path: P,
  params: PathParams<P>,
  body: FormData,
  options: UploadOptions = {},
): Promise<PostAnswer<P>> {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown>)[name])),
  );
  return new Promise<PostAnswer<P>>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.total);
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.onload = () => {
      const headers = new Headers({
        'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json',
      });
      const retryAfter = xhr.getResponseHeader('Retry-After');
      if (retryAfter) headers.set('Retry-After', retryAfter);
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers,
      });
      if (!response.ok) return void toApiError(response).then(reject, reject);
      void readJson(response).then((json) => resolve(json as PostAnswer<P>), reject);
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(body);
  });
}

/** The only way the client talks to `/api`. Paths are relative to `/api`. */
export const api = {
  upload,
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  /** A body is rare on DELETE but allowed: e.g. the password that confirms deleting an account. */
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
