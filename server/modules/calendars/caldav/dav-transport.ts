import {
  DAVNamespace,
  type DAVResponse,
  davRequest,
  getDAVAttribute,
  propfind,
  syncCollection,
} from 'tsdav';
import { CaldavError } from './caldav.errors';
import { absoluteHref, type DavProps, hrefPath, wholeAnswer } from './dav-responses';

/** One multistatus entry with its href made absolute. */
export interface DavEntry {
  href: string;
  status: number;
  ok: boolean;
  props: DavProps;
}

/** A multiget names at most this many objects, so one request stays a sensible size. */
const MULTIGET_BATCH = 50;

/**
 * tsdav's requests with Basic auth, through the injected fetch (the app's host-restricting
 * one), and with every failed answer turned into a CaldavError. tsdav reports failures as data
 * rather than throwing, which is what lets the status decide the error here.
 */
export class DavTransport {
  readonly fetch: typeof fetch;

  constructor(username: string, password: string, fetchImpl: typeof fetch) {
    // UTF-8, as RFC 7617 says (tsdav's own helper accepts only Latin-1 passwords).
    const authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
    this.fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', authorization);
      return fetchImpl(input, { ...init, headers });
    };
  }

  /** PROPFIND; an answer that is not WebDAV at all means the address is no CalDAV server. */
  async propfind(
    url: string,
    props: Record<string, object>,
    depth: '0' | '1',
    action: string,
  ): Promise<DavEntry[]> {
    const responses = await propfind({ url, props, depth, fetch: this.fetch });
    const whole = wholeAnswer(responses);
    if (whole) {
      // A plain web server refuses the method, or answers it like a GET.
      if (whole.status === 405 || whole.status === 501 || whole.ok) {
        throw CaldavError.notCaldav('it does not answer WebDAV requests');
      }
      throw CaldavError.forStatus(whole.status, action);
    }
    return entries(responses, url);
  }

  /**
   * RFC 6578 sync-collection from `token`: the entries, the new token, and whether the server
   * cut the answer short (507 on the collection itself: ask again from the new token). Null when
   * the server no longer accepts the token, so the caller lists the collection instead.
   */
  async syncCollection(
    collectionUrl: string,
    token: string,
  ): Promise<{ entries: DavEntry[]; raw: DAVResponse[] } | null> {
    const responses = await syncCollection({
      url: collectionUrl,
      props: { 'd:getetag': {} },
      syncLevel: 1,
      syncToken: token,
      headers: { depth: '0' },
      fetch: this.fetch,
    });
    const whole = wholeAnswer(responses);
    if (whole) {
      if (isInvalidSyncToken(whole)) return null;
      throw CaldavError.forStatus(whole.status, 'list the calendar changes');
    }
    return { entries: entries(responses, collectionUrl), raw: responses };
  }

  /** calendar-multiget of the given absolute object URLs: each entry has getetag and calendarData. */
  async multiget(collectionUrl: string, urls: string[]): Promise<DavEntry[]> {
    const found: DavEntry[] = [];
    for (let start = 0; start < urls.length; start += MULTIGET_BATCH) {
      const responses = await davRequest({
        url: collectionUrl,
        init: {
          method: 'REPORT',
          namespace: 'c',
          headers: { depth: '1' },
          body: {
            'calendar-multiget': {
              _attributes: getDAVAttribute([DAVNamespace.DAV, DAVNamespace.CALDAV]),
              'd:prop': { 'd:getetag': {}, 'c:calendar-data': {} },
              'd:href': urls.slice(start, start + MULTIGET_BATCH).map(hrefPath),
            },
          },
        },
        fetch: this.fetch,
      });
      const whole = wholeAnswer(responses);
      if (whole) throw CaldavError.forStatus(whole.status, 'read the calendar events');
      found.push(...entries(responses, collectionUrl));
    }
    return found;
  }
}

/** The entries with absolute hrefs, on the server that answered (an href elsewhere is ignored). */
function entries(responses: DAVResponse[], base: string): DavEntry[] {
  const origin = new URL(base).origin;
  return responses
    .filter((response) => typeof response.href === 'string' && response.href.length > 0)
    .map((response) => ({
      href: absoluteHref(response.href!, base),
      status: response.status,
      ok: response.ok,
      props: (response.props ?? {}) as DavProps,
    }))
    .filter((entry) => new URL(entry.href).origin === origin);
}

/** RFC 6578: an unknown or expired token is 403 (or 409) with the valid-sync-token precondition. */
function isInvalidSyncToken(answer: DAVResponse): boolean {
  if (answer.status === 409) return true;
  return answer.status === 403 && String(answer.raw ?? '').includes('valid-sync-token');
}
