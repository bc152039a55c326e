import type { LookupAddress } from 'node:dns';
import { CalendarFetchErrorCode as Code, CalendarFetchError } from './calendar-fetch.errors';
import { checkWithinSite } from './calendar-url';
import { guardedLookup } from './http-exchange';
import { isPublicAddress } from './public-address';
import { checkCalendarUrl, safeFetch, type FetchPolicy } from './safe-fetch';
import { errorCodeOf, localServers } from './testing/local-servers';

const production: FetchPolicy = { allowPrivateAddresses: false, timeoutMs: 5000, maxBytes: 65536 };

function codeOfThrown(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof CalendarFetchError)) throw error;
    return error.code;
  }
}

describe(isPublicAddress.name, () => {
  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '2606:2800:220:1::',
    '2a00:1450:4001:82a::200e',
    '::ffff:93.184.216.34',
    '[2606:2800:220:1::]',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'RFC 1918'],
    ['172.16.0.1', 'RFC 1918'],
    ['172.31.255.255', 'RFC 1918'],
    ['192.168.1.1', 'RFC 1918'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', '"this network"'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['[::1]', 'IPv6 loopback in brackets'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['2002:a00:1::', '6to4 of 10.0.0.1'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['localhost', 'not an address'],
    ['', 'nothing'],
  ])('%s is not public (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe(checkCalendarUrl.name, () => {
  it.each([
    [
      'webcal://p42-caldav.icloud.com/published/2/abc',
      'https://p42-caldav.icloud.com/published/2/abc',
    ],
    [
      'WEBCAL://outlook.office365.com/owa/calendar/x.ics',
      'https://outlook.office365.com/owa/calendar/x.ics',
    ],
    [
      '  https://calendar.google.com/calendar/ical/x/basic.ics ',
      'https://calendar.google.com/calendar/ical/x/basic.ics',
    ],
    ['http://dav.example.com:8008/', 'http://dav.example.com:8008/'],
  ])('accepts %s as %s', (entered, expected) => {
    expect(checkCalendarUrl(entered).href).toBe(expected);
  });

  it.each([
    'http://user:pw@dav.example.com/',
    'https://user@dav.example.com/',
    'ftp://files.example.com/cal.ics',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'calendar.example.com/feed.ics',
    '',
  ])('refuses %j', (entered) => {
    expect(codeOfThrown(() => checkCalendarUrl(entered))).toBe(Code.UrlInvalid);
  });
});

describe(checkWithinSite.name, () => {
  it.each([
    ['https://caldav.icloud.com/', 'https://p42-caldav.icloud.com/123/principal/'],
    ['https://caldav.icloud.com/', 'https://CalDAV.iCloud.com./'],
    ['http://dav.example.com:8080/', 'http://dav.example.com:8080/next'],
    ['http://dav.example.com:8080/', 'https://dav.example.com/'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/'],
  ])('lets %s go on to %s', (entered, target) => {
    expect(codeOfThrown(() => checkWithinSite(new URL(entered), new URL(target)))).toBeUndefined();
  });

  it.each([
    ['https://caldav.icloud.com/', 'https://evil.com/'],
    ['https://caldav.icloud.com/', 'https://icloud.com.evil.com/'],
    ['https://caldav.icloud.com/', 'https://caldav.icloud.com:8443/'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.2:8080/'],
    ['http://127.0.0.1:8080/', 'http://localhost:8080/'],
    ['https://dav.example.com/', 'https://93.184.216.34/'],
  ])('keeps %s from going on to %s', (entered, target) => {
    expect(codeOfThrown(() => checkWithinSite(new URL(entered), new URL(target)))).toBe(
      Code.AddressRefused,
    );
  });
});

describe(guardedLookup.name, () => {
  const lookUp = (allowPrivate: boolean) =>
    new Promise<unknown>((resolve) =>
      guardedLookup(allowPrivate)('localhost', { all: true }, (error, addresses) =>
        resolve(error ?? addresses),
      ),
    );

  it('refuses a name that resolves to a private address', async () => {
    expect(await lookUp(false)).toMatchObject({ code: Code.AddressRefused });
  });

  it('answers with every address when private addresses are allowed', async () => {
    const addresses = (await lookUp(true)) as LookupAddress[];

    expect(addresses.map(({ address }) => address)).toContain('127.0.0.1');
  });
});

describe('safeFetch in production', () => {
  const servers = localServers();
  afterEach(() => servers.closeAll());

  it.each([
    'http://127.0.0.1:PORT/feed.ics',
    'http://localhost:PORT/feed.ics',
    'http://[::ffff:127.0.0.1]:PORT/feed.ics',
    'http://[::1]:PORT/feed.ics',
  ])('refuses %s without connecting', async (pattern) => {
    const server = await servers.serve((_request, response) => response.end('BEGIN:VCALENDAR'));
    const url = pattern.replace('PORT', String(server.port));

    expect(await errorCodeOf(safeFetch(url, production)(url))).toBe(Code.AddressRefused);
    expect(server.connections()).toBe(0);
  });

  // Nothing to count connections on here: the refusal is decided from the literal, before any
  // socket exists (an attempt would have ended in a timeout or an answer instead).
  it.each([
    'http://10.0.0.1/feed.ics',
    'http://169.254.169.254/latest/meta-data/',
    'http://192.168.1.1/feed.ics',
    'http://100.64.0.1/feed.ics',
    'http://0.0.0.0/feed.ics',
    'http://[fd00::1]/feed.ics',
    'http://2130706433/feed.ics',
  ])('refuses %s before connecting', async (url) => {
    const refused = await safeFetch(url, production)(url).catch((error: unknown) => error);

    expect(refused).toMatchObject({
      code: Code.AddressRefused,
      details: { reason: 'private_address' },
    });
  });
});
