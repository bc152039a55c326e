import type { Browser } from 'playwright-core';
import ICAL from 'ical.js';
import { launchChromium, logIn, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const PHOTOGRAPHER = 'photographer@demo.lensbridge.test';

describe('a photographer subscribes their calendar app to Lensbridge in Chromium', () => {
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

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])(
    'copies the feed link, which serves the bookings, and a new link retires the old one (%s)',
    async (name, viewport) => {
      const context = await browser.newContext({ viewport, timezoneId: 'Europe/Berlin' });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await logIn(page, PHOTOGRAPHER);
      await page.getByRole('heading', { name: 'Your studio' }).waitFor();
      await page.goto(`${server.url}/app/studio/calendar`);
      const field = page.getByLabel('Your calendar link');
      await field.waitFor();
      const url = await field.inputValue();
      expect(url).toMatch(/\/api\/calendar-feeds\/[\w-]{40,}\.ics$/);
      await snapshot(page, `calendar-feed-${name}`);

      // What a calendar app gets from the link: the demo studio's completed session.
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
      const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.length).toBeGreaterThan(0);
      expect(calendar.getFirstSubcomponent('vtimezone')).not.toBeNull();

      await page.getByRole('button', { name: 'Make a new link' }).click();
      const dialog = page.getByRole('dialog', { name: 'Make a new calendar link?' });
      await dialog.waitFor();
      await snapshot(page, `calendar-feed-rotate-${name}`);
      await dialog.getByRole('button', { name: 'Make a new link' }).click();
      await page.getByText('New link made.').waitFor();
      const next = await field.inputValue();
      expect(next).not.toBe(url);
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(next)).status).toBe(200);
      await context.close();
    },
    120_000,
  );
});
