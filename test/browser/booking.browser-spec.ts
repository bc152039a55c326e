import type { Browser } from 'playwright-core';
import { launchChromium, logIn, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const CLIENT = 'client@demo.lensbridge.test';
const PHOTOGRAPHER = 'photographer@demo.lensbridge.test';
const CLIENT_ZONE = 'America/New_York';
const STUDIO_ZONE = 'Europe/Berlin';

/** What the slot picker should say for a start, computed independently with Intl. */
function expectedLabel(startsAt: string): string {
  const clock = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).format(new Date(startsAt));
  const day = (zone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(startsAt));
  const studioDay =
    day(CLIENT_ZONE) === day(STUDIO_ZONE)
      ? ''
      : ` ${new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: STUDIO_ZONE }).format(new Date(startsAt))}`;
  return `${clock(CLIENT_ZONE)} your time · ${clock(STUDIO_ZONE)}${studioDay} in ${STUDIO_ZONE}`;
}

describe('booking a photographer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a client in New York books the Berlin demo studio; the photographer approves it', async () => {
    // The photographer switches to approving bookings by hand (the policy editor).
    const studio = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: STUDIO_ZONE,
    });
    await studio.goto(`${server.url}/login`);
    await logIn(studio, PHOTOGRAPHER);
    await studio.getByRole('heading', { name: 'Your studio' }).waitFor();
    await studio.getByRole('link', { name: 'Studio setup' }).click();
    await studio.getByRole('link', { name: 'Hours and days off' }).click();
    await studio.getByLabel('I approve each request').check();
    await studio.getByRole('button', { name: 'Save hours and rules' }).click();
    await studio.getByText('Hours saved').waitFor();
    await snapshot(studio, 'booking-studio-hours');

    // The client finds the studio from the landing page, signed out.
    const client = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: CLIENT_ZONE,
    });
    await client.goto(server.url);
    await client.getByRole('link', { name: 'Photographers' }).first().click();
    await client.getByRole('heading', { name: 'Find a photographer' }).waitFor();
    await client.getByLabel('City').fill('berlin');
    await client.getByLabel('City').press('Enter');
    await client.getByText('3 photographers').waitFor();
    const card = client.getByRole('article').filter({ hasText: 'Jonas Weber Studio' });
    await expect(card.getByText(/Next free:/).textContent()).resolves.toMatch(/your time/);
    await snapshot(client, 'booking-directory');
    await card.getByRole('link').click();

    await client.getByRole('heading', { name: 'Jonas Weber Studio', level: 1 }).waitFor();
    await client.getByText('Headshot session').click();
    const firstSlot = client.locator('.slot-picker__slot').first();
    await firstSlot.waitFor();
    await expect(
      client.getByText(/your time zone \(America\/New_York\)/).isVisible(),
    ).resolves.toBe(true);
    const startsAt = (await firstSlot.getAttribute('data-starts-at'))!;
    // Its accessible name (from its content, in Chromium's own accessibility tree) says both times.
    const named = client.getByRole('button', { name: expectedLabel(startsAt), exact: true });
    expect(await named.getAttribute('data-starts-at')).toBe(startsAt);
    await firstSlot.click();
    await snapshot(client, 'booking-profile-slot');

    // Signed out: log in and come back to the same package and time.
    await client.getByRole('link', { name: 'Log in to book' }).click();
    await client.waitForURL(/\/login\?next=/);
    await logIn(client, CLIENT);
    await client.getByRole('button', { name: 'Hold this time' }).waitFor();
    expect(new URL(client.url()).searchParams.get('start')).toBe(startsAt);
    await expect(
      client
        .locator(`.slot-picker__slot[data-starts-at="${startsAt}"]`)
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await client.getByLabel(/Notes for the photographer/).fill('For LinkedIn and the team page.');
    await client.getByRole('button', { name: 'Hold this time' }).click();

    await client.getByRole('timer').waitFor();
    await client.getByText('Pay at the studio — nothing is charged online').waitFor();
    await snapshot(client, 'booking-hold');
    await client.getByRole('button', { name: 'Send the request' }).click();
    await client.getByText('Request sent').waitFor();
    await client.getByRole('link', { name: 'See it in My bookings' }).click();
    await client
      .getByRole('heading', { name: /Headshot session with Jonas Weber Studio/ })
      .waitFor();
    await client.getByText('Waiting for approval').first().waitFor();
    await client.getByRole('link', { name: 'My bookings' }).first().click();
    const upcoming = client.getByRole('list', { name: 'Upcoming bookings' });
    await upcoming.getByText('Waiting for approval').waitFor();
    await expect(upcoming.textContent()).resolves.toContain('in Europe/Berlin');
    await snapshot(client, 'booking-my-bookings');

    // The photographer sees the request, with the client's note, and approves it.
    await studio.getByRole('link', { name: 'Bookings' }).click();
    const waiting = studio.getByRole('list', { name: 'Requests waiting for you' });
    await waiting.getByText('For LinkedIn and the team page.').waitFor();
    await snapshot(studio, 'booking-studio-request');
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await studio
      .getByRole('list', { name: 'Upcoming bookings' })
      .getByText('Confirmed', { exact: true })
      .waitFor();

    await client.reload();
    await client
      .getByRole('list', { name: 'Upcoming bookings' })
      .getByText('Confirmed', { exact: true })
      .waitFor();
    await studio.close();
    await client.close();
  });

  it('shows the directory and a profile usable on a phone-sized screen', async () => {
    const page = await browser.newPage({
      viewport: { width: 375, height: 800 },
      timezoneId: 'Australia/Sydney',
    });
    await page.goto(`${server.url}/photographers`);
    await page.getByRole('article').first().waitFor();
    await snapshot(page, 'booking-directory-mobile');
    await page.getByRole('link', { name: /Liam Nguyen Headshots/ }).click();
    await page.locator('.slot-picker__slot').first().click();
    await page.getByRole('link', { name: 'Log in to book' }).waitFor();
    await snapshot(page, 'booking-profile-mobile');
    // No horizontal scrolling on a phone.
    // A string runs in the page; the test's own TypeScript has no DOM types.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
