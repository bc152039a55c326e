import { CSRF_COOKIE, CSRF_HEADER } from '@shared/auth/auth.types';
import { CommonErrorCode, isApiErrorBody } from '@shared/errors';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema';

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
    // By name: the abort may come from another realm's DOMException (Node's fetch under jsdom).
    if ((error as { name?: unknown } | null)?.name === 'AbortError') return undefined;
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

/**
 * A typed multipart body as FormData: files (Blob/File, alone or in arrays) keep their names,
 * other values are sent as text, undefined ones are left out. For `bodySerializer`.
 */
export function toFormData(fields: object): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields) as [string, unknown][]) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, String(item as string | number | boolean));
    }
  }
  return form;
}

/** The POST routes of the API that take a multipart body, from `paths`. */
type UploadPath = {
  [P in keyof paths]: paths[P] extends {
    post: { requestBody: { content: { 'multipart/form-data': object } } };
  }
    ? P
    : never;
}[keyof paths];
type UploadOperation<P extends UploadPath> = paths[P] extends { post: infer Op } ? Op : never;
type PathParams<P extends UploadPath> =
  UploadOperation<P> extends { parameters: { path: infer X } }
    ? [X] extends [never]
      ? Record<string, never>
      : X
    : Record<string, never>;
type UploadFields<P extends UploadPath> =
  UploadOperation<P> extends { requestBody: { content: { 'multipart/form-data': infer B } } }
    ? B
    : never;
type UploadAnswer<P extends UploadPath> =
  UploadOperation<P> extends { responses: infer R }
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
 * is an upload route of the document, `params` fills its `{placeholders}`, `fields` are its
 * multipart fields (files as Blob/File).
 */
function upload<P extends UploadPath>(
  path: P,
  params: PathParams<P>,
  fields: UploadFields<P>,
  options: UploadOptions = {},
): Promise<UploadAnswer<P>> {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown>)[name])),
  );
  const body = toFormData(fields as object);
  return new Promise<UploadAnswer<P>>((resolve, reject) => {
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
      void readJson(response).then((json) => resolve(json as UploadAnswer<P>), reject);
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(body);
  });
}

/**
 * Uploads with progress; every other call goes through `apiClient`. Nothing else in the client
 * may call `fetch('/api…')` (lint rule in eslint.config.mjs).
 */
export const api = { upload };
