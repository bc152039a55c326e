import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium, logIn, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(240_000);

const NOTES = 'Board portrait for the annual report; navy jacket.';

describe('AI draft vs studio, and the hand-off, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let photo: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    photo = path.join(mkdtempSync(path.join(os.tmpdir(), 'lensbridge-photo-')), 'me.jpg');
    writeFileSync(
      photo,
      await sharp(path.resolve(__dirname, '../fixtures/astronaut.png')).jpeg().toBuffer(),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the landing page explains the choice and shows a sample comparison without an account', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'AI draft or studio session?' }).waitFor();
    await page.locator('section.sample').getByText('Sample: Profile / LinkedIn refresh').waitFor();
    await snapshot(page, 'compare-landing');
    // The HD price the choice names is the sample's own (no fixed "about €9").
    await page.getByText('The preview and, in this demo, the HD images are free').waitFor();
    await page.getByRole('link', { name: 'Try a free AI draft' }).first().click();
    await page.waitForURL(/\/signup\?next=%2Fapp%2Fdrafts/);
    await page.close();
  });

  it('upload → drafts → compare for an executive portrait → book with the look → the photographer reads the brief', async () => {
    const client = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Berlin',
    });
    await client.goto(`${server.url}/login`);
    await logIn(client, 'client@demo.lensbridge.test');
    await client.getByRole('link', { name: 'AI drafts' }).click();
    await client.getByLabel('Choose a photo').setInputFiles(photo);
    await client.getByText('This photo shows me').click();
    await client.getByRole('button', { name: 'Make my AI drafts' }).click();
    await client.waitForURL(/\/app\/drafts\/[0-9a-f-]{36}$/);
    await client.getByRole('heading', { name: 'Quality report' }).waitFor({ timeout: 90_000 });
    await client.getByRole('img', { name: 'Professional AI draft' }).waitFor();

    // The comparison, for an executive portrait in Berlin.
    await client.getByRole('link', { name: 'Compare with studio sessions' }).click();
    await client.waitForURL(/\/app\/compare\?/);
    await client.getByLabel('The headshot is for').selectOption('executive');
    await client.getByLabel('City').fill('Berlin');
    await client.getByLabel('City').press('Enter');
    await client.getByText('Book a studio session for the official portrait').waitFor();
    await client.getByText(/expected to be a real photograph/).waitFor();
    const studios = client.locator('.cmp-studio');
    await studios.first().waitFor();
    await expect(studios.count()).resolves.toBe(3);
    // The chart plots the AI draft and every studio with a free time, and says so in words.
    const chart = client.getByRole('img', { name: /cost against days/i });
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/AI draft/);
    await client.waitForFunction(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    await snapshot(client, 'compare-executive');

    // Hand-off: book the demo studio with this look.
    // The row whose own heading names the studio (other rows' ranking reasons may name it too).
    const jonas = studios.filter({
      has: client.getByRole('heading', { name: 'Jonas Weber Studio', level: 3 }),
    });
    await jonas.getByRole('link', { name: 'Book this session with this look' }).click();
    await client.getByRole('heading', { name: 'Jonas Weber Studio', level: 1 }).waitFor();
    await client.getByText('Your brief').waitFor();
    await client.getByLabel(/Notes for the photographer/).fill(NOTES);
    await snapshot(client, 'compare-booking-with-brief');
    await client.getByRole('button', { name: 'Hold this time' }).click();
    await client.getByRole('timer').waitFor();
    await client.getByRole('button', { name: /Confirm|Send the request/ }).click();
    await client.getByRole('link', { name: 'See it in My bookings' }).click();
    await client.getByText('What your photographer sees').waitFor();

    // The photographer opens that booking and sees the brief with the draft's preview.
    const studio = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Berlin',
    });
    await studio.goto(`${server.url}/login`);
    await logIn(studio, 'photographer@demo.lensbridge.test');
    await studio.getByRole('link', { name: 'Bookings' }).click();
    const item = studio.locator('.booking-item').filter({ hasText: NOTES });
    await item.getByText("Comes with a brief from the client's AI draft").waitFor();
    await item.getByRole('heading').getByRole('link').click();
    await studio.getByRole('heading', { name: "Brief from the client's AI draft" }).waitFor();
    await studio.getByText('Executive / official portrait').first().waitFor();
    const preview = studio.locator('.booking-brief img').first();
    await preview.waitFor();
    await studio.waitForFunction(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    await snapshot(studio, 'compare-photographer-brief');
    await studio.close();
    await client.close();
  });
});
