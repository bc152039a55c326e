import { createObject, deleteObject, updateObject } from 'tsdav';
import { CaldavError } from './caldav.errors';
import type {
  CaldavAccount,
  CaldavChanges,
  CaldavEventWrite,
  CaldavObject,
  CaldavState,
} from './caldav.types';
import { discoverCalendar } from './caldav-discovery';
import { hrefKey, propText, reportSyncToken, resourceTypes } from './dav-responses';
import { DavTransport } from './dav-transport';

export type {
  CaldavAccount,
  CaldavChanges,
  CaldavEventWrite,
  CaldavObject,
  CaldavState,
} from './caldav.types';

/** An object the server reported, keyed by hrefKey: where it is and the etag it had. */
type Listed = Map<string, { href: string; etag: string | null }>;

interface Delta {
  /** New or changed on the server (before comparing etags with what we know). */
  listed: Listed;
  /** hrefKeys gone from the server. */
  gone: Set<string>;
  /** The sync-collection answer's token; null after a listing. */
  syncToken: string | null;
}

/** A truncated sync-collection (507) is asked again from its new token at most this often. */
const MAX_SYNC_ROUNDS = 20;
const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8' };

/**
 * One CalDAV calendar collection: read what changed since the last sync, write and remove our
 * bookings. All requests go through the injected fetch (the app's host-restricting one); every
 * failed answer is a CaldavError, and whatever that fetch throws propagates unchanged.
 */
export class CaldavCalendar {
  private readonly dav: DavTransport;

  constructor(
    private readonly account: CaldavAccount,
    fetchImpl: typeof fetch,
  ) {
    this.dav = new DavTransport(account.username, account.password, fetchImpl);
  }

  /** The calendar collection the entered address means (see discoverCalendar). */
  connect(): Promise<CaldavState> {
    return discoverCalendar(this.dav, this.account.url);
  }

  /**
   * What changed since `state`. Unchanged ctag and sync-token: nothing to do. With a sync-token
   * the server reports changed and removed hrefs (RFC 6578); without one, or when the server no
   * longer accepts it, the etag listing is compared with `known` (href → etag). Objects whose
   * etag we already know (our own writes) are not fetched again.
   */
  async changes(
    state: CaldavState,
    known: ReadonlyMap<string, string | null>,
  ): Promise<CaldavChanges> {
    const url = state.collectionUrl;
    const [now] = await this.dav.propfind(url, MARKER_PROPS, '0', 'read the calendar');
    if (!now) throw CaldavError.notCaldav('the calendar returned no properties');
    const next: CaldavState = {
      collectionUrl: url,
      displayName: propText(now.props.displayname),
      ctag: propText(now.props.getctag),
      syncToken: propText(now.props.syncToken),
    };
    const hasMarkers = next.ctag !== null || next.syncToken !== null;
    if (hasMarkers && next.ctag === state.ctag && next.syncToken === state.syncToken) {
      return { state: next, changed: false, upserted: [], removed: [] };
    }

    const knownByKey = new Map([...known].map(([href, etag]) => [hrefKey(href), { href, etag }]));
    const synced =
      state.syncToken && next.syncToken ? await this.syncDelta(url, state.syncToken) : null;
    const delta = synced ?? (await this.listingDelta(url, knownByKey));
    if (delta.syncToken) next.syncToken = delta.syncToken;

    const wanted = [...delta.listed].filter(([key, { etag }]) => {
      const mine = knownByKey.get(key);
      return !(mine && etag !== null && mine.etag === etag);
    });
    const fetched = await this.fetchObjects(url, wanted);
    const asKnown = (key: string, href: string) => knownByKey.get(key)?.href ?? href;
    const upserted = fetched.objects.map((object) => ({
      ...object,
      href: asKnown(hrefKey(object.href), object.href),
    }));
    const removed = [...new Set([...delta.gone, ...fetched.gone])]
      .map((key) => knownByKey.get(key)?.href)
      .filter((href): href is string => href !== undefined);
    return {
      state: next,
      changed: hasMarkers || upserted.length > 0 || removed.length > 0,
      upserted,
      removed,
    };
  }

  /**
   * Writes one of our bookings. New: `<collection><uid>.ics` with If-None-Match: *; existing:
   * If-Match its etag. A 412 means someone changed (or created) it meanwhile: the booking is the
   * source of truth, so it is written once more without a condition.
   */
  async put(
    state: CaldavState,
    event: CaldavEventWrite,
  ): Promise<{ href: string; etag: string | null }> {
    const url = event.href ?? new URL(`${filenameSafe(event.uid)}.ics`, state.collectionUrl).href;
    assertSameServer(state, url);
    const write = (condition: Record<string, string>) =>
      (event.href ? updateObject : createObject)({
        url,
        data: event.ics,
        headers: { ...ICS_HEADERS, ...condition },
        fetch: this.dav.fetch,
      });
    let response = await write(
      event.href ? (event.etag ? { 'if-match': event.etag } : {}) : { 'if-none-match': '*' },
    );
    if (response.status === 412) {
      await response.arrayBuffer();
      response = await write({});
    }
    await response.arrayBuffer();
    if (!response.ok) {
      throw CaldavError.forStatus(response.status, 'write the booking to your calendar');
    }
    return { href: url, etag: response.headers.get('etag') ?? (await this.etagOf(url)) };
  }

  /** Removes one event; already gone (404) is success, and a 412 (changed meanwhile) retries unconditionally. */
  async remove(state: CaldavState, href: string, etag?: string | null): Promise<void> {
    assertSameServer(state, href);
    let response = await deleteObject({
      url: href,
      etag: etag ?? undefined,
      fetch: this.dav.fetch,
    });
    if (response.status === 412) {
      await response.arrayBuffer();
      response = await deleteObject({ url: href, fetch: this.dav.fetch });
    }
    await response.arrayBuffer();
    if (response.ok || response.status === 404) return;
    throw CaldavError.forStatus(response.status, 'remove the booking from your calendar');
  }

  private async syncDelta(url: string, token: string): Promise<Delta | null> {
    const listed: Listed = new Map();
    const gone = new Set<string>();
    const self = hrefKey(url);
    let syncToken = token;
    for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
      const answer = await this.dav.syncCollection(url, syncToken);
      if (!answer) return null;
      let truncated = false;
      for (const entry of answer.entries) {
        const key = hrefKey(entry.href);
        if (key === self) {
          truncated ||= entry.status === 507;
        } else if (entry.status === 404) {
          gone.add(key);
          listed.delete(key);
        } else if (entry.ok && !resourceTypes(entry.props).includes('collection')) {
          listed.set(key, { href: entry.href, etag: propText(entry.props.getetag) });
          gone.delete(key);
        }
      }
      syncToken = reportSyncToken(answer.raw) ?? syncToken;
      if (!truncated) break;
    }
    return { listed, gone, syncToken };
  }

  private async listingDelta(url: string, known: Map<string, unknown>): Promise<Delta> {
    const members = await this.dav.propfind(
      url,
      { 'd:getetag': {}, 'd:resourcetype': {} },
      '1',
      'list the calendar events',
    );
    const self = hrefKey(url);
    const listed: Listed = new Map();
    for (const member of members) {
      const key = hrefKey(member.href);
      if (key === self || !member.ok || resourceTypes(member.props).includes('collection'))
        continue;
      listed.set(key, { href: member.href, etag: propText(member.props.getetag) });
    }
    const gone = new Set([...known.keys()].filter((key) => !listed.has(key)));
    return { listed, gone, syncToken: null };
  }

  /** The full text of the wanted objects; one that vanished since it was listed counts as gone. */
  private async fetchObjects(
    url: string,
    wanted: [string, { href: string; etag: string | null }][],
  ): Promise<{ objects: CaldavObject[]; gone: string[] }> {
    if (wanted.length === 0) return { objects: [], gone: [] };
    const answers = await this.dav.multiget(
      url,
      wanted.map(([, { href }]) => href),
    );
    const byKey = new Map(answers.map((answer) => [hrefKey(answer.href), answer]));
    const objects: CaldavObject[] = [];
    const gone: string[] = [];
    for (const [key, listed] of wanted) {
      const answer = byKey.get(key);
      const data = answer?.ok ? propText(answer.props.calendarData) : null;
      if (answer && data !== null) {
        objects.push({
          href: listed.href,
          etag: propText(answer.props.getetag) ?? listed.etag,
          data,
        });
      } else if (!answer || answer.status === 404) {
        gone.push(key);
      } else {
        // Skipping it would lose the change for good: the new sync state is past it.
        throw CaldavError.forStatus(answer.status, 'read a calendar event');
      }
    }
    return { objects, gone };
  }

  /** For a server that answers a PUT without an ETag header. */
  private async etagOf(url: string): Promise<string | null> {
    const [answer] = await this.dav.propfind(
      url,
      { 'd:getetag': {} },
      '0',
      'read the booking back',
    );
    return answer ? propText(answer.props.getetag) : null;
  }
}

const MARKER_PROPS = { 'd:displayname': {}, 'cs:getctag': {}, 'd:sync-token': {} };

/**
 * A resource name for a UID: letters, digits and `-` stay, every other byte becomes `_XX`, so
 * the name is safe on every server and two UIDs never share one.
 */
export function filenameSafe(uid: string): string {
  return Array.from(uid, (char) =>
    /^[A-Za-z0-9-]$/.test(char)
      ? char
      : Array.from(
          new TextEncoder().encode(char),
          (byte) => `_${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        ).join(''),
  ).join('');
}

/** Credentials go only to the calendar's own server, whatever href a stored row holds. */
function assertSameServer(state: CaldavState, href: string): void {
  if (new URL(href).origin !== new URL(state.collectionUrl).origin) {
    throw new Error(`Refusing to send calendar credentials to ${new URL(href).origin}`);
  }
}
