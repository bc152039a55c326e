import { CSRF_COOKIE, CSRF_HEADER } from '@shared/auth/auth.types';
import { CommonErrorCode, isApiErrorBody } from '@shared/errors';

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

export interface UploadOptions {
  /** Bytes sent so far and in total, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * A multipart POST with upload progress (fetch cannot report it, so this uses XHR), with the
 * same CSRF header and the same errors as every other call.
 */
function upload<T>(path: string, body: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
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
      void readJson(response).then((json) => resolve(json as T), reject);
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
