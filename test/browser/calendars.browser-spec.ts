import type { Browser } from 'playwright-core';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type {
  PhotographerProfileDto,
  SlotsDto,
} from '../../shared/photographers/photographers.types';
import { startIcsServer, type IcsServer } from '../support/ics-server';
import { DEMO_PASSWORD, launchChromium, logIn, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const PHOTOGRAPHER = 'photographer@demo.lensbridge.test';
const CLIENT = 'client@demo.lensbridge.test';

/** `20300310T090000Z` for an instant, as iCalendar writes UTC. */
const icsTime = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');

function calendar(events: { uid: string; from: number; until: number; summary: string }[]) {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lensbridge browser tests//EN',
    'X-WR-CALNAME:Lena private',
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART:${icsTime(e.from)}`,
      `DTEND:${icsTime(e.until)}`,
      `SUMMARY:${e.summary}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** A signed-in API caller (cookies and CSRF header), for the set-up the journey is not about. */
async function apiAs(url: string, email: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`Log-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

describe('a photographer connects their own calendar in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let ics: IcsServer;

  beforeAll(async () => {
    server = await startServer({ CALENDAR_ALLOW_PRIVATE_ADDRESSES: 'true' });
    browser = await launchChromium();

    // A confirmed session with the demo studio, and a school play over it in Lena's calendar.
    const studio = await apiAs(server.url, PHOTOGRAPHER);
    const client = await apiAs(server.url, CLIENT);
    const profile = await studio<PhotographerProfileDto>('GET', '/api/photographers/me');
    const packageId = profile.packages[0]!.id;
    const { slots } = await client<SlotsDto>(
      'GET',
      `/api/photographers/${profile.id}/slots?packageId=${packageId}`,
    );
    const booking = await client<BookingDto>('POST', '/api/bookings', {
      packageId,
      startsAt: slots[0],
    });
    await client('POST', `/api/bookings/${booking.id}/confirm`);
    const start = Date.parse(booking.startsAt);
    const day = 86_400_000;
    ics = await startIcsServer(
      calendar([
        { uid: 'play', from: start - 1_800_000, until: start + 3_600_000, summary: 'School play' },
        { uid: 'dentist', from: start + day, until: start + day + 3_600_000, summary: 'Dentist' },
        { uid: 'kita', from: start + 2 * day, until: start + 2 * day + 1_800_000, summary: 'Kita' },
      ]),
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await ics?.close();
    await server?.stop();
  });

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])(
    'connects an iCalendar address, sees its events and clashes, a failed read, and removes it (%s)',
    async (name, viewport) => {
      ics.mode = 'ok';
      const context = await browser.newContext({ viewport, timezoneId: 'Europe/Berlin' });
      const page = await context.newPage();
      const fits = async () =>
        expect(
          await page.evaluate<number>(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          ),
        ).toBeLessThanOrEqual(0);
      await page.goto(`${server.url}/login`);
      await logIn(page, PHOTOGRAPHER);
      await page.getByRole('heading', { name: 'Your studio' }).waitFor();
      await page.goto(`${server.url}/app/studio/calendar`);
      await page.getByText('No calendar connected yet').waitFor();
      await snapshot(page, `calendars-empty-${name}`);
      await fits();

      // A CalDAV account asks for more; the iCalendar address is what Lena has.
      await page.getByText('CalDAV account', { exact: true }).click();
      await page.getByLabel('User name').waitFor();
      await snapshot(page, `calendars-caldav-form-${name}`);
      await fits();
      await page.getByText('Secret iCalendar address', { exact: true }).click();

      // The address answers with a sign-in page first: refused, with the server's reason.
      ics.mode = 'html';
      await page.getByLabel('Calendar address', { exact: true }).fill(ics.url);
      await page.getByRole('button', { name: 'Connect calendar' }).click();
      await page.getByText('This calendar was not connected').waitFor();
      await snapshot(page, `calendars-refused-${name}`);
      await fits();

      ics.mode = 'ok';
      await page.getByRole('button', { name: 'Connect calendar' }).click();
      const row = page.getByRole('listitem', { name: 'Lena private' });
      await row.getByText('3 busy events').waitFor();
      expect(await page.getByLabel('Calendar address', { exact: true }).inputValue()).toBe('');
      await snapshot(page, `calendars-connected-${name}`);
      await fits();

      await page.goto(`${server.url}/app/bookings`);
      await page
        .getByText('1 upcoming booking clashes with an event in your own calendars')
        .waitFor();
      await page
        .getByText(/Clashes with “School play” in Lena private, \d\d:\d\d–\d\d:\d\d/)
        .waitFor();
      await snapshot(page, `calendars-clash-${name}`);
      await fits();

      await page.goto(`${server.url}/app/studio/calendar`);
      ics.mode = 'error';
      await row.getByRole('button', { name: /^Sync now/ }).click();
      await row.getByText('Busy times from the last good sync still apply.').waitFor();
      await snapshot(page, `calendars-error-${name}`);
      await fits();

      await row.getByRole('button', { name: 'Remove Lena private' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove Lena private?' });
      await dialog.waitFor();
      await snapshot(page, `calendars-remove-${name}`);
      await dialog.getByRole('button', { name: 'Remove calendar' }).click();
      await page.getByText('No calendar connected yet').waitFor();
      await context.close();
    },
    120_000,
  );
});
