import { filenameSafe } from './caldav-calendar';
import { hrefKey, propText, wholeAnswer, withTrailingSlash } from './dav-responses';

describe('hrefKey', () => {
  it.each([
    ['https://dav.example/cal/a%40b.ics', 'https://dav.example/cal/a@b.ics'],
    ['https://dav.example/cal/a%20b.ics', 'https://dav.example/cal/a b.ics'],
    ['https://dav.example/cal/', 'https://dav.example/cal'],
    ['https://DAV.example:443/cal/x.ics', 'https://dav.example/cal/x.ics'],
  ])('%s and %s name the same object', (a, b) => {
    expect(hrefKey(a)).toBe(hrefKey(b));
  });

  it('keeps different objects apart, and tolerates a stray "%"', () => {
    expect(hrefKey('https://dav.example/cal/a.ics')).not.toBe(
      hrefKey('https://dav.example/cal/b.ics'),
    );
    expect(hrefKey('https://dav.example/other/a.ics')).not.toBe(
      hrefKey('https://dav.example/cal/a.ics'),
    );
    expect(hrefKey('https://dav.example/cal/100%25x.ics')).toBe(
      'https://dav.example/cal/100%x.ics',
    );
    expect(() => hrefKey('https://dav.example/cal/100%zz.ics')).not.toThrow();
  });
});

describe('propText', () => {
  it.each([
    ['"abc"', '"abc"'],
    [12345, '12345'],
    [{ _cdata: 'Work' }, 'Work'],
    [{ _text: 'Home' }, 'Home'],
    [{}, null],
    ['', null],
    [undefined, null],
  ])('%j reads as %j', (value, text) => {
    expect(propText(value)).toBe(text);
  });
});

describe('wholeAnswer', () => {
  it('is the single answer of a failed or non-multistatus request', () => {
    const failed = { status: 403, statusText: 'Forbidden', ok: false, raw: '<error/>' };
    expect(wholeAnswer([failed])).toBe(failed);
  });

  it('is null for multistatus entries, even an empty multistatus', () => {
    const entry = { href: '/cal/a.ics', status: 200, statusText: 'OK', ok: true, props: {} };
    expect(wholeAnswer([entry])).toBeNull();
    const empty = {
      status: 207,
      statusText: '',
      ok: true,
      raw: { multistatus: { syncToken: 't' } },
    };
    expect(wholeAnswer([empty])).toBeNull();
  });
});

describe('withTrailingSlash', () => {
  it('adds the slash a collection URL needs for relative names', () => {
    expect(withTrailingSlash('https://dav.example/cal')).toBe('https://dav.example/cal/');
    expect(withTrailingSlash('https://dav.example/cal/')).toBe('https://dav.example/cal/');
  });
});

describe('filenameSafe', () => {
  it.each([
    ['booking-1f2e', 'booking-1f2e'],
    ['booking-7@lensbridge.app', 'booking-7_40lensbridge_2Eapp'],
    ['a_b', 'a_5Fb'],
    ['café', 'caf_C3_A9'],
    ['../etc', '_2E_2E_2Fetc'],
  ])('%s → %s', (uid, name) => {
    expect(filenameSafe(uid)).toBe(name);
  });

  it('never gives two UIDs the same name', () => {
    expect(filenameSafe('a@b')).not.toBe(filenameSafe('a_40b'));
    expect(filenameSafe('a.b')).not.toBe(filenameSafe('a_b'));
  });
});
