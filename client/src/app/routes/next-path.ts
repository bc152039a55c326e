export const APP_HOME = '/app';

/**
 * Where to go after logging in. Only paths on this site are followed, so a crafted
 * `?next=https://evil.example` or `?next=//evil.example` cannot send someone elsewhere.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return APP_HOME;
  }
  return next;
}

/** `/login`, `/signup` or `/forgot-password` with the given query, leaving out empty values. */
export function authPath(
  page: 'login' | 'signup' | 'forgot-password',
  query: Record<string, string | null | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `/${page}?${search}` : `/${page}`;
}

export function loginPath(next?: string): string {
  return authPath('login', { next });
}
