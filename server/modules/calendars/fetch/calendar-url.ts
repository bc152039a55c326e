import { isIP } from 'node:net';
import { CalendarFetchError } from './calendar-fetch.errors';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Parses a pasted calendar link. `webcal://` (Apple and Outlook share links) is read as
 * `https://`; only http(s) without an embedded user name or password is accepted.
 */
export function checkCalendarUrl(url: string): URL {
  const text = url.trim().replace(/^webcals?:/i, 'https:');
  if (!URL.canParse(text)) {
    throw CalendarFetchError.urlInvalid(
      'it is not a web address. Paste the whole link, starting with https:// or webcal://.',
    );
  }
  const parsed = new URL(text);
  if (!(parsed.protocol in DEFAULT_PORTS)) {
    throw CalendarFetchError.urlInvalid(
      `links starting with ${parsed.protocol}// are not supported. Use an https://, http:// or webcal:// link.`,
    );
  }
  if (parsed.username || parsed.password) {
    throw CalendarFetchError.urlInvalid(
      'it contains a user name or password. Remove them from the link and enter them in their own fields.',
    );
  }
  if (!parsed.hostname) {
    throw CalendarFetchError.urlInvalid('it names no server. Paste the whole link.');
  }
  return parsed;
}

/** The host name without IPv6 brackets or a trailing dot, as a resolver or socket wants it. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/**
 * The site a host belongs to: its last two DNS labels (caldav.icloud.com → icloud.com), or the
 * host itself for an IP literal or a single-label name.
 */
export function siteOf(url: URL): string {
  const host = bareHostname(url).toLowerCase();
  if (isIP(host)) return host;
  return host.split('.').slice(-2).join('.');
}

/**
 * Throws unless `target` may be asked on behalf of `entered`: a host on the same site, and the
 * entered port or the scheme's default one.
 */
export function checkWithinSite(entered: URL, target: URL): void {
  const site = siteOf(entered);
  const samePort = effectivePort(target) === effectivePort(entered);
  if (siteOf(target) !== site || !(target.port === '' || samePort)) {
    throw CalendarFetchError.outsideSite(target.host, site);
  }
}

function effectivePort(url: URL): string {
  return url.port || DEFAULT_PORTS[url.protocol];
}
