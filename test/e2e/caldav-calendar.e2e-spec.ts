import http from 'node:http';
import type net from 'node:net';
import { DomainError, ErrorKind } from '../../server/common/errors/domain-error';
import { CaldavError, CaldavErrorCode } from '../../server/modules/calendars/caldav/caldav.errors';
import {
  CaldavCalendar,
  type CaldavChanges,
  type CaldavState,
} from '../../server/modules/calendars/caldav/caldav-calendar';
import { type RunningRadicale, startRadicale } from '../support/radicale';

/** A VCALENDAR with one event, as a user's calendar app would store it. */
function anEvent(uid: string, summary: string, start: string, extra: string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Someone else//Their calendar app//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T090000Z',
    `DTSTART:${start}`,
    'DURATION:PT1H',
    `SUMMARY:${summary}`,
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

interface Sent {
  method: string;
  url: string;
  body: string;
  status?: number;
}

describe('CaldavCalendar against Radicale', () => {
  let radicale: RunningRadicale;
  let calendarUrl: string;
  let htmlServer: http.Server;
  let htmlUrl: string;
  /** Every request any CaldavCalendar in this suite sent, through the fetch it was given. */
  const sent: Sent[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = typeof init?.body === 'string' ? init.body : '';
    const request: Sent = { method: init?.method ?? 'GET', url, body };
    sent.push(request);
    const response = await globalThis.fetch(input, init);
    request.status = response.status;
    return response;
  };
  const statusesSince = (from: number, method: string) =>
    sent
      .slice(from)
      .filter((request) => request.method === method)
      .map((r) => r.status);
  const calendar = (url: string, password = 'ana-secret', fetchImpl = recordingFetch) =>
    new CaldavCalendar({ url, username: 'ana', password }, fetchImpl);

  beforeAll(async () => {
    radicale = await startRadicale();
    // A task list first: discovery must pass over it to the calendar that holds events.
    await radicale.makeCalendar('ana', 'chores', { displayName: 'Chores', components: ['VTODO'] });
    calendarUrl = await radicale.makeCalendar('ana', 'work', { displayName: 'Ana – shoots' });
    htmlServer = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Welcome</title><p>Our bakery</p>');
    });
    await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
    htmlUrl = `http://127.0.0.1:${(htmlServer.address() as net.AddressInfo).port}/`;
  });

  afterAll(async () => {
    await radicale?.close();
    await new Promise((resolve) => htmlServer?.close(resolve));
  });

  describe('connect', () => {
    it('takes a calendar collection address as it is, with its display name', async () => {
      const state = await calendar(calendarUrl).connect();
      // No sync markers yet: the first changes() must list what is already there.
      expect(state).toEqual({
        collectionUrl: calendarUrl,
        displayName: 'Ana – shoots',
        ctag: null,
        syncToken: null,
      });
    });

    it('finds the events calendar from the server address (principal → home → calendars)', async () => {
      const state = await calendar(radicale.url).connect();
      expect(state).toMatchObject({ collectionUrl: calendarUrl, displayName: 'Ana – shoots' });
    });

    it('says the password was refused', async () => {
      for (const url of [calendarUrl, radicale.url]) {
        const refused = calendar(url, 'not-her-password').connect();
        await expect(refused).rejects.toBeInstanceOf(CaldavError);
        await expect(refused).rejects.toMatchObject({
          code: CaldavErrorCode.AuthFailed,
          kind: ErrorKind.Unprocessable,
          message: expect.stringContaining('app-specific password'),
        });
      }
    });

    it('says an ordinary web page is not a CalDAV calendar', async () => {
      await expect(calendar(htmlUrl, 'x', globalThis.fetch).connect()).rejects.toMatchObject({
        code: CaldavErrorCode.NotCaldav,
      });
    });

    it('says a calendar address that does not exist is not found', async () => {
      await expect(
        calendar(`${radicale.url}ana/no-such-calendar/`).connect(),
      ).rejects.toMatchObject({ code: CaldavErrorCode.NotFound });
    });

    it('lets an error from the injected fetch through unchanged', async () => {
      const blocked = new DomainError('CALENDAR_HOST_BLOCKED', ErrorKind.Invalid, 'blocked');
      const refusing: typeof fetch = () => Promise.reject(blocked);
      await expect(calendar(calendarUrl, 'ana-secret', refusing).connect()).rejects.toBe(blocked);
    });
  });

  describe('changes', () => {
    let first: CaldavChanges;
    let initial: CaldavState;
    let known: Map<string, string | null>;
    let edited: string;
    let deleted: string;

    beforeAll(async () => {
      await radicale.putEvent(
        'ana',
        calendarUrl,
        'dentist.ics',
        anEvent('dentist-1', 'Dentist', '20260310T080000Z'),
      );
      await radicale.putEvent(
        'ana',
        calendarUrl,
        'yoga.ics',
        anEvent('yoga-weekly', 'Yoga', '20260302T170000Z', ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10']),
      );
      // An "@" in the name: Radicale answers it percent-encoded (%40).
      await radicale.putEvent(
        'ana',
        calendarUrl,
        'lunch@ana.ics',
        anEvent('lunch@ana', 'Lunch with Ben', '20260312T110000Z'),
      );
      // Connected after the events exist, as a photographer connects a calendar already in use.
      initial = await calendar(calendarUrl).connect();
    });

    it('first returns every event, with its full text', async () => {
      first = await calendar(calendarUrl).changes(initial, new Map());
      expect(first.changed).toBe(true);
      expect(first.removed).toEqual([]);
      expect(first.upserted).toHaveLength(3);
      const listed = await radicale.listEvents('ana', calendarUrl);
      expect(first.upserted.map(({ href, etag }) => ({ href, etag })).sort(byHref)).toEqual(
        listed.map(({ href, etag }) => ({ href, etag })).sort(byHref),
      );
      const yoga = first.upserted.find((event) => event.data.includes('UID:yoga-weekly'));
      expect(yoga?.data).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10');
      for (const event of first.upserted) expect(event.href.startsWith(calendarUrl)).toBe(true);
      known = new Map(first.upserted.map((event) => [event.href, event.etag]));
    });

    it('then reports nothing changed', async () => {
      const again = await calendar(calendarUrl).changes(first.state, known);
      expect(again).toEqual({ state: first.state, changed: false, upserted: [], removed: [] });
    });

    describe('after the user edits one event and deletes another', () => {
      beforeAll(async () => {
        edited = (
          await radicale.putEvent(
            'ana',
            calendarUrl,
            'dentist.ics',
            anEvent('dentist-1', 'Dentist (moved)', '20260311T080000Z'),
          )
        ).href;
        deleted = first.upserted.find((event) => event.data.includes('UID:lunch@ana'))!.href;
        await radicale.deleteEvent('ana', deleted);
      });

      const expectJustThose = (changes: CaldavChanges) => {
        expect(changes.changed).toBe(true);
        expect(changes.upserted.map((event) => event.href)).toEqual([edited]);
        expect(changes.upserted[0].data).toContain('SUMMARY:Dentist (moved)');
        expect(changes.removed).toEqual([deleted]);
      };

      it('sync-collection reports exactly those two', async () => {
        const from = sent.length;
        const changes = await calendar(calendarUrl).changes(first.state, known);
        expectJustThose(changes);
        expect(sent.slice(from).some((request) => request.body.includes('sync-collection'))).toBe(
          true,
        );
        expect(changes.state.syncToken).not.toBe(first.state.syncToken);
        // The new state is current: asking again finds nothing.
        const known2 = new Map(known);
        known2.delete(deleted);
        known2.set(edited, changes.upserted[0].etag);
        expect((await calendar(calendarUrl).changes(changes.state, known2)).changed).toBe(false);
      });

      it('without a sync token, the etag listing reports the same', async () => {
        const from = sent.length;
        expectJustThose(
          await calendar(calendarUrl).changes({ ...first.state, syncToken: null }, known),
        );
        expect(sent.slice(from).some((request) => request.body.includes('sync-collection'))).toBe(
          false,
        );
      });

      it('a token the server no longer accepts falls back to the listing', async () => {
        const stale = { ...first.state, syncToken: 'http://radicale.org/ns/sync/0123456789abcdef' };
        const from = sent.length;
        expectJustThose(await calendar(calendarUrl).changes(stale, known));
        expect(statusesSince(from, 'REPORT')[0]).toBe(403);
      });

      it('matches hrefs however they are percent-encoded, and answers in our spelling', async () => {
        const decoded = new Map([...known].map(([href, etag]) => [plainAt(href), etag]));
        expect(decoded.has(plainAt(deleted))).toBe(true);
        expect(plainAt(deleted)).not.toBe(deleted);
        for (const state of [first.state, { ...first.state, syncToken: null }]) {
          const changes = await calendar(calendarUrl).changes(state, decoded);
          expect(changes.removed).toEqual([plainAt(deleted)]);
          expect(changes.upserted.map((event) => event.href)).toEqual([edited]);
        }
      });
    });
  });

  describe('put and remove (our bookings)', () => {
    const uid = 'booking-7f3a@lensbridge.test';
    let state: CaldavState;
    /** Synced just before our first write, as the app would be. */
    let synced: CaldavChanges;
    let written: { href: string; etag: string | null };

    const ours = async () =>
      (await radicale.listEvents('ana', state.collectionUrl)).filter((event) =>
        event.data.includes(`UID:${uid}`),
      );

    beforeAll(async () => {
      state = await calendar(calendarUrl).connect();
      synced = await calendar(calendarUrl).changes(state, new Map());
    });

    it('writes a new event into the calendar', async () => {
      written = await calendar(calendarUrl).put(state, {
        uid,
        ics: anEvent(uid, 'Portrait session', '20260320T140000Z'),
      });
      expect(written.href.startsWith(calendarUrl)).toBe(true);
      expect(written.href.endsWith('.ics')).toBe(true);
      const [event, ...others] = await ours();
      expect(others).toEqual([]);
      expect(event).toMatchObject({ href: written.href, etag: written.etag });
      expect(event.data).toContain('SUMMARY:Portrait session');
    });

    it('does not fetch our own write back as a change', async () => {
      const known = new Map(synced.upserted.map((event) => [event.href, event.etag]));
      known.set(written.href, written.etag);
      const from = sent.length;
      const changes = await calendar(calendarUrl).changes(synced.state, known);
      // The collection did change (ctag, sync-token), but only by the write we already know.
      expect(changes).toMatchObject({ changed: true, upserted: [], removed: [] });
      const bodies = sent.slice(from).map((request) => request.body);
      expect(bodies.some((body) => body.includes('sync-collection'))).toBe(true);
      expect(bodies.some((body) => body.includes('calendar-multiget'))).toBe(false);
    });

    it('updates it in place when given its href and etag', async () => {
      const updated = await calendar(calendarUrl).put(state, {
        uid,
        ics: anEvent(uid, 'Portrait session (2 people)', '20260320T140000Z'),
        ...written,
      });
      expect(updated.href).toBe(written.href);
      expect(updated.etag).not.toBe(written.etag);
      const [event, ...others] = await ours();
      expect(others).toEqual([]);
      expect(event.data).toContain('SUMMARY:Portrait session (2 people)');
      written = updated;
    });

    it('overwrites it when the user changed it meanwhile (stale etag)', async () => {
      await radicale.putEvent(
        'ana',
        calendarUrl,
        written.href.slice(calendarUrl.length),
        anEvent(uid, 'Edited on her phone', '20260320T150000Z'),
      );
      const from = sent.length;
      const overwritten = await calendar(calendarUrl).put(state, {
        uid,
        ics: anEvent(uid, 'Portrait session (2 people)', '20260320T140000Z'),
        ...written,
      });
      const [event, ...others] = await ours();
      expect(others).toEqual([]);
      expect(event.data).toContain('SUMMARY:Portrait session (2 people)');
      expect(event.etag).toBe(overwritten.etag);
      expect(statusesSince(from, 'PUT')).toEqual([412, 201]);
      written = overwritten;
    });

    it('reads the etag back when the server sends none with the PUT', async () => {
      const withoutEtag: typeof fetch = async (input, init) => {
        const response = await recordingFetch(input, init);
        if (init?.method !== 'PUT') return response;
        const headers = new Headers(response.headers);
        headers.delete('etag');
        return new Response(await response.arrayBuffer(), { status: response.status, headers });
      };
      const again = await calendar(calendarUrl, 'ana-secret', withoutEtag).put(state, {
        uid,
        ics: anEvent(uid, 'Portrait session (3 people)', '20260320T140000Z'),
        ...written,
      });
      const [event] = await ours();
      expect(again.etag).toEqual(expect.any(String));
      expect(again.etag).toBe(event.etag);
      written = again;
    });

    it('removes it, and removing it again is fine', async () => {
      await calendar(calendarUrl).remove(state, written.href, written.etag);
      expect(await ours()).toEqual([]);
      const from = sent.length;
      await expect(
        calendar(calendarUrl).remove(state, written.href, written.etag),
      ).resolves.toBeUndefined();
      expect(statusesSince(from, 'DELETE')).toEqual([404]);
    });
  });

  it('sent every request through the injected fetch, to Radicale only', () => {
    expect(sent.length).toBeGreaterThan(10);
    for (const request of sent) expect(request.url.startsWith(`${radicale.origin}/`)).toBe(true);
  });
});

/** The href with "@" written as is rather than percent-encoded, as another server might. */
function plainAt(href: string): string {
  return href.replace(/%40/g, '@');
}

function byHref(a: { href: string }, b: { href: string }): number {
  return a.href.localeCompare(b.href);
}
