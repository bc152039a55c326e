import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOT_DIR, launchChromium, logIn, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/** The page is as wide as the window: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

describe('checking Content Credentials in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    dir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-verify-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a draft the studio made reads as valid, development-signed and AI-generated; a plain JPEG has none', async () => {
    // The demo client makes a draft; the page says how its images are signed.
    const client = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const photo = path.join(dir, 'me.jpg');
    writeFileSync(
      photo,
      await sharp(path.resolve(__dirname, '../fixtures/astronaut.png')).jpeg().toBuffer(),
    );
    await client.goto(`${server.url}/login`);
    await logIn(client, 'client@demo.lensbridge.test');
    await client.waitForURL(`${server.url}/app`);
    await client.goto(`${server.url}/app/drafts`);
    await client.getByLabel('Choose a photo').setInputFiles(photo);
    await client.getByText('This photo shows me').click();
    await client.getByRole('button', { name: 'Make my AI drafts' }).click();
    await client.waitForURL(/\/app\/drafts\/[0-9a-f-]{36}$/);
    const preview = client.getByRole('img', { name: 'Professional AI draft' });
    await preview.waitFor({ timeout: 60_000 });
    const note = client.getByRole('link', {
      name: 'Signed with Content Credentials · development certificate',
    });
    await note.waitFor();
    await note.scrollIntoViewIfNeeded();
    // The drafts journey holds the whole page to axe; this one only shows where the note sits.
    await client.screenshot({ path: path.join(SCREENSHOT_DIR, 'verify-draft-note.png') });

    // The preview as the client's browser gets it, bytes untouched.
    const answer = await client.request.get(`${server.url}${await preview.getAttribute('src')}`);
    expect(answer.status()).toBe(200);
    const draft = path.join(dir, 'draft-preview.jpg');
    writeFileSync(draft, await answer.body());
    await client.close();

    // Anyone may check it, logged out: the empty page explains what it is about.
    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${server.url}/`);
    await visitor.getByRole('link', { name: 'Check an image’s Content Credentials' }).click();
    await visitor.getByRole('heading', { name: 'Check an image' }).waitFor();
    await snapshot(visitor, 'verify-empty');

    await visitor.getByLabel('Choose an image to check').setInputFiles(draft);
    const valid = visitor.getByRole('heading', { name: 'Valid Content Credentials' });
    await valid.waitFor({ timeout: 30_000 });
    await expect(valid.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const result = visitor.getByRole('region', { name: 'Valid Content Credentials' });
    const text = await result.innerText();
    expect(text).toContain('Development certificate');
    expect(text).toContain('Not trusted by other readers');
    expect(text).toMatch(/AI-generated\s*Yes/);
    expect(text).toContain('a photo combined with parts made or changed by AI');
    expect(text).toContain('The photo the client uploaded');
    await snapshot(visitor, 'verify-valid-draft');
    await visitor.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(visitor);
    await snapshot(visitor, 'verify-valid-draft-phone');

    // A JPEG that never had credentials.
    const plain = path.join(dir, 'plain.jpg');
    writeFileSync(
      plain,
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a2e3a' } })
        .jpeg()
        .toBuffer(),
    );
    await visitor.getByLabel('Choose an image to check').setInputFiles(plain);
    await visitor.getByRole('heading', { name: 'No Content Credentials' }).waitFor();
    await expect(
      visitor.getByText('This image carries no Content Credentials.', { exact: false }).isVisible(),
    ).resolves.toBe(true);
    await expectNoSidewaysScroll(visitor);
    await snapshot(visitor, 'verify-none-phone');

    // A file that is not an image: a clear message, and the page takes another file.
    const notes = path.join(dir, 'notes.jpg');
    writeFileSync(notes, 'these are notes, not a picture');
    await visitor.getByLabel('Choose an image to check').setInputFiles(notes);
    await visitor.getByText('This image could not be checked').waitFor();
    await snapshot(visitor, 'verify-not-an-image-phone');
    await visitor.close();
  });
});
