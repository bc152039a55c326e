import { CaldavError, CaldavErrorCode } from './caldav.errors';
import type { CaldavState } from './caldav.types';
import {
  absoluteHref,
  declaredComponents,
  hrefKey,
  innerHref,
  propText,
  resourceTypes,
  withTrailingSlash,
} from './dav-responses';
import type { DavEntry, DavTransport } from './dav-transport';

const COLLECTION_PROPS = {
  'd:resourcetype': {},
  'd:displayname': {},
  'c:supported-calendar-component-set': {},
};

/** The collection's own properties and, for any other address, where discovery goes next. */
const ENTRY_PROPS = {
  ...COLLECTION_PROPS,
  'd:current-user-principal': {},
  'c:calendar-home-set': {},
};

/**
 * The calendar an entered address means: the address itself when it is a calendar collection,
 * else current-user-principal → calendar-home-set → the first calendar that holds events (VEVENT
 * among its supported components, or none declared). A bare
 * server name that is no DAV resource (Nextcloud's web UI) gets one more try through
 * `/.well-known/caldav` (RFC 6764).
 */
export async function discoverCalendar(dav: DavTransport, url: string): Promise<CaldavState> {
  try {
    return await calendarFrom(dav, url);
  } catch (error) {
    if (!(error instanceof CaldavError) || error.code === CaldavErrorCode.AuthFailed) throw error;
    if (new URL(url).pathname !== '/') throw error;
    try {
      return await calendarFrom(dav, new URL('/.well-known/caldav', url).href);
    } catch (retryError) {
      // The first answer explains the entered address better than the well-known one's.
      const explainsLess =
        retryError instanceof CaldavError && retryError.code !== CaldavErrorCode.AuthFailed;
      throw explainsLess ? error : retryError;
    }
  }
}

async function calendarFrom(dav: DavTransport, url: string): Promise<CaldavState> {
  const [self] = await dav.propfind(url, ENTRY_PROPS, '0', 'read the calendar address');
  if (!self) throw CaldavError.notCaldav('it returned no properties');
  if (resourceTypes(self.props).includes('calendar')) {
    if (!holdsEvents(self)) throw CaldavError.notCaldav('this calendar does not hold events');
    return stateOf(self);
  }
  const homeHref = innerHref(self.props.calendarHomeSet);
  const home = homeHref ? absoluteHref(homeHref, self.href) : await calendarHome(dav, self);
  const members = await dav.propfind(home, COLLECTION_PROPS, '1', 'list your calendars');
  const calendar = members.find(
    (member) =>
      member.ok &&
      hrefKey(member.href) !== hrefKey(home) &&
      resourceTypes(member.props).includes('calendar') &&
      holdsEvents(member),
  );
  if (!calendar) throw CaldavError.notCaldav('the account has no calendar for events');
  return stateOf(calendar);
}

async function calendarHome(dav: DavTransport, entry: DavEntry): Promise<string> {
  const principalHref = innerHref(entry.props.currentUserPrincipal);
  if (!principalHref) {
    throw CaldavError.notCaldav('it is neither a calendar nor a CalDAV account address');
  }
  const principal = absoluteHref(principalHref, entry.href);
  const [answer] = await dav.propfind(
    principal,
    { 'c:calendar-home-set': {} },
    '0',
    'find your calendars',
  );
  const homeHref = answer && innerHref(answer.props.calendarHomeSet);
  if (!homeHref) throw CaldavError.notCaldav('the account names no calendar home');
  return absoluteHref(homeHref, principal);
}

/** VEVENT among the declared components, or none declared (then anything goes). */
function holdsEvents(entry: DavEntry): boolean {
  const components = declaredComponents(entry.props);
  return components.length === 0 || components.includes('VEVENT');
}

/**
 * No ctag or sync-token yet: nothing has been synced, so the first changes() lists every event
 * (with the collection's current markers, it would report the events already there as unchanged).
 */
function stateOf(entry: DavEntry): CaldavState {
  return {
    collectionUrl: withTrailingSlash(entry.href),
    displayName: propText(entry.props.displayname),
    ctag: null,
    syncToken: null,
  };
}
