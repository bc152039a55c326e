import type { DAVResponse } from 'tsdav';

/**
 * Reading tsdav's parsed multistatus. tsdav strips namespace prefixes, camel-cases element names
 * (`getctag`, `syncToken`, `calendarData`) and turns numeric-looking text into numbers, so every
 * value is read through these helpers rather than trusted to be a string.
 */
export type DavProps = Record<string, unknown>;

/** The text of a property (a string, a number tsdav converted, CDATA); null when absent or empty. */
export function propText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(propText).join('') || null;
  if (typeof value === 'object') {
    const node = value as { _cdata?: unknown; _text?: unknown };
    return propText(node._cdata ?? node._text);
  }
  return null;
}

/** The first `<href>` inside a property such as current-user-principal or calendar-home-set. */
export function innerHref(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const href = (value as { href?: unknown }).href;
  return propText(Array.isArray(href) ? href[0] : href);
}

/** `resourcetype` children: `['collection', 'calendar']` for a calendar collection. */
export function resourceTypes(props: DavProps | undefined): string[] {
  const types = props?.resourcetype;
  return types && typeof types === 'object' ? Object.keys(types) : [];
}

/** The component names a calendar declares (supported-calendar-component-set); [] when none. */
export function declaredComponents(props: DavProps | undefined): string[] {
  const set = props?.supportedCalendarComponentSet as { comp?: unknown } | undefined;
  const comps = Array.isArray(set?.comp) ? set.comp : set?.comp ? [set.comp] : [];
  return comps
    .map((comp) => (comp as { _attributes?: { name?: unknown } })?._attributes?.name)
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.toUpperCase());
}

/**
 * tsdav answers a failed request, or one whose body is no multistatus, with a single response
 * that has no `props` (a multistatus entry always has them, and an empty multistatus keeps its
 * parsed body in `raw`).
 */
export function wholeAnswer(responses: DAVResponse[]): DAVResponse | null {
  const [first] = responses;
  if (responses.length !== 1 || !first || first.props !== undefined) return null;
  const raw = first.raw as { multistatus?: unknown } | undefined;
  return raw && typeof raw === 'object' && raw.multistatus !== undefined ? null : first;
}

/** The sync-token a sync-collection REPORT returned beside its responses. */
export function reportSyncToken(responses: DAVResponse[]): string | null {
  const raw = responses[0]?.raw as { multistatus?: { syncToken?: unknown } } | undefined;
  return propText(raw?.multistatus?.syncToken);
}

/** An href as the absolute URL it names (servers may answer paths or full URLs). */
export function absoluteHref(href: string, base: string): string {
  return new URL(href, base).href;
}

export function withTrailingSlash(url: string): string {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.href;
}

/**
 * What two hrefs are compared by: origin plus the decoded path without a trailing slash, so
 * `/cal/a%40b.ics` and `/cal/a@b.ics` are the same object however a server encodes them.
 */
export function hrefKey(url: string): string {
  const parsed = new URL(url);
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray "%" that is no escape: compare the path as written.
  }
  return `${parsed.origin}${path.replace(/\/+$/, '')}`;
}

/** The path (and query) of an absolute URL: what a multiget names its objects by. */
export function hrefPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
