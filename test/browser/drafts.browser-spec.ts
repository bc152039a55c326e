import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

describe('AI draft studio in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
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
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => page.close());

  it('a client uploads one photo with consent, watches it render, re-renders a backdrop and deletes everything', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('client@demo.lensbridge.test');
    await page.getByLabel('Password', { exact: true }).fill('lensbridge-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'AI drafts' }).click();
    await page.getByRole('heading', { name: 'AI draft headshots' }).waitFor();

    // The notice is shown before anything is uploaded; the button waits for photo and consent.
    await expect(
      page.getByRole('heading', { name: 'How we process your photo' }).isVisible(),
    ).resolves.toBe(true);
    const make = page.getByRole('button', { name: 'Make my AI drafts' });
    await expect(make.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Choose a photo').setInputFiles(photo);
    await page.getByRole('img', { name: 'The photo you chose' }).waitFor();
    await expect(make.isDisabled()).resolves.toBe(true);
    await page.getByText('This photo shows me').click();
    await snapshot(page, 'drafts-upload-ready');
    await make.click();

    // Progress through the stages, then three labelled drafts and the report.
    await page.waitForURL(/\/app\/drafts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Quality report' }).waitFor({ timeout: 60_000 });
    for (const style of ['Professional', 'Creative', 'Relaxed']) {
      await page.getByRole('img', { name: `${style} AI draft` }).waitFor();
    }
    await page.getByRole('heading', { name: 'Good enough for…?' }).waitFor();
    await expect(page.getByText('Profile / LinkedIn refresh').isVisible()).resolves.toBe(true);
    await page.getByRole('img', { name: 'Professional: your photo before' }).waitFor();
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    await snapshot(page, 'drafts-results');

    // Change the professional backdrop and see it re-render with a new image.
    const professional = page.getByRole('img', { name: 'Professional AI draft' });
    const before = await professional.getAttribute('src');
    await page.getByText('Adjust this style').first().click();
    await page.getByRole('radio', { name: 'Backdrop #7a2e3a' }).first().click();
    await page.waitForFunction(
      (old) =>
        document.querySelector('img[alt="Professional AI draft"]')?.getAttribute('src') !== old,
      before,
      { timeout: 30_000 },
    );
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    await snapshot(page, 'drafts-rerendered');

    // Unlock (the manual demo rule): the HD images are made now, one per card, then download.
    await page.getByRole('button', { name: 'Unlock HD downloads' }).click();
    await snapshot(page, 'drafts-hd-making');
    const hdLinks = page.getByRole('link', { name: 'Download HD' });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('a')].filter((a) => a.textContent === 'Download HD')
          .length === 3,
      undefined,
      { timeout: 60_000 },
    );
    const href = await hdLinks.first().getAttribute('href');
    const hd = await page.request.get(`${server.url}${href}`);
    expect(hd.status()).toBe(200);
    expect(hd.headers()['content-type']).toBe('image/jpeg');
    expect((await sharp(await hd.body()).metadata()).width).toBeGreaterThan(200);
    await snapshot(page, 'drafts-hd-ready');
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, 'drafts-hd-ready-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Delete the draft: it asks first, then says it is done; the list shows nothing left.
    await page.getByRole('button', { name: 'Delete this draft' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this draft?' });
    await snapshot(page, 'drafts-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete the draft' }).click();
    await page.waitForURL(`${server.url}/app/drafts`);
    await page.getByText('Draft deleted, with its photo.').waitFor();
    await page.getByText('No drafts yet').waitFor();
    await snapshot(page, 'drafts-after-delete');
  });
});
