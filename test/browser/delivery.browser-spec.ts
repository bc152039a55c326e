import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { OutboxMessageDto } from '../../shared/notifications/notifications.types';
import { readZip } from '../support/zip-reader';
import { launchChromium, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const PASSWORD = 'lensbridge-demo';
const CLIENT = 'client@demo.lensbridge.test';
const PHOTOGRAPHER = 'photographer@demo.lensbridge.test';
const ADMIN = 'admin@demo.lensbridge.test';
const ZONE = 'Europe/Berlin';

/** "Tuesday 14 May 2030, 10:00" in the studio's zone, as the emails write it. */
function wallClock(at: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const p = (type: string) => parts.find((x) => x.type === type)?.value;
  return `${p('weekday')} ${p('day')} ${p('month')} ${p('year')}, ${p('hour')}:${p('minute')}`;
}

describe('delivery in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  const contexts: BrowserContext[] = [];

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.url}/app`);
    return page;
  }

  beforeAll(async () => {
    server = await startServer({ NOTIFICATIONS_INTERVAL_SECONDS: '1' });
    browser = await launchChromium();
    dir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-delivery-'));
    const sources = ['astronaut.png', 'camera.png', 'chelsea.png'];
    for (const [i, source] of sources.entries()) {
      const image = sharp(path.resolve(__dirname, '../fixtures', source));
      writeFileSync(
        path.join(dir, `IMG_${i + 1}.jpg`),
        await image.clone().jpeg({ quality: 90 }).toBuffer(),
      );
      writeFileSync(
        path.join(dir, `final-${i + 1}.jpg`),
        await image.clone().modulate({ brightness: 1.05 }).jpeg({ quality: 95 }).toBuffer(),
      );
    }
    writeFileSync(path.join(dir, 'notes.jpg'), 'this is a text file with a photo name');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('proofs, favourites, finals, the ZIP and a review — each step emailed with the studio’s local time', async () => {
    // The photographer finds the demo session that already happened on the deliveries dashboard.
    const studio = await signIn(PHOTOGRAPHER);
    await studio.getByRole('link', { name: 'Deliveries' }).click();
    await studio.getByRole('heading', { name: 'Deliveries' }).waitFor();
    // The demo session was four days ago and the package promises five days: due soon.
    await studio.getByText('Due soon', { exact: true }).first().waitFor();
    await snapshot(studio, 'delivery-dashboard');
    await studio
      .getByRole('link', { name: /Demo Client|Client/ })
      .first()
      .click();
    await studio.getByRole('heading', { name: /Gallery for/ }).waitFor();
    const bookingId = /\/app\/deliveries\/([0-9a-f-]{36})/.exec(studio.url())![1]!;

    // A batch of proofs with one bad file: that file is refused with its reason, the rest kept.
    await studio
      .getByLabel('Drop proofs here, or click to choose files')
      .setInputFiles(
        ['IMG_1.jpg', 'IMG_2.jpg', 'notes.jpg', 'IMG_3.jpg'].map((f) => path.join(dir, f)),
      );
    await studio.getByText('3 of 4 uploaded, 1 not accepted').waitFor({ timeout: 60_000 });
    await studio.getByText(/This file is .*Upload a JPEG, PNG or WebP photo/).waitFor();
    await studio.getByRole('button', { name: 'Open IMG_3.jpg' }).waitFor();
    await snapshot(studio, 'delivery-proofs-uploaded');
    await studio.getByRole('button', { name: /Share 3 proofs with/ }).click();
    await studio.getByText(/Shared with/).waitFor();

    // The client opens the gallery, looks at one photo large, and picks two favourites.
    const client = await signIn(CLIENT);
    await client.getByRole('link', { name: 'Photos' }).click();
    await client
      .getByRole('link', { name: /Jonas Weber Studio/ })
      .first()
      .click();
    await client.getByRole('heading', { name: 'Your photos from Jonas Weber Studio' }).waitFor();
    await client.getByText(/Promised by/).waitFor();
    await client.getByRole('button', { name: 'Open IMG_2.jpg' }).click();
    await client.getByRole('dialog').getByRole('img', { name: 'IMG_2.jpg' }).waitFor();
    await snapshot(client, 'delivery-lightbox');
    await client.getByRole('dialog').getByRole('button', { name: '☆ Add to favourites' }).click();
    await client.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await client.getByLabel('Favourite IMG_1.jpg').check();
    await client.getByText('2 of 3').waitFor();
    await snapshot(client, 'delivery-favourites');
    await client.getByRole('button', { name: 'Send my favourites' }).click();
    await client.getByText(/Sent to Jonas Weber Studio/).waitFor();

    // The photographer sees the choice, uploads a final for each and delivers.
    await studio.reload();
    await studio.getByText(/chose 2 of 3 included/).waitFor();
    for (const [name, file] of [
      ['IMG_1.jpg', 'final-1.jpg'],
      ['IMG_2.jpg', 'final-2.jpg'],
    ] as const) {
      await studio.getByLabel(`Upload the final for ${name}`).setInputFiles(path.join(dir, file));
      await studio.getByText(`final: ${file} ✓`).waitFor({ timeout: 60_000 });
    }
    await snapshot(studio, 'delivery-finals');
    await studio.getByRole('button', { name: /Deliver finals to/ }).click();
    await studio.getByText('Finals delivered.').waitFor();

    // The client downloads everything as one ZIP and writes a review.
    await client.reload();
    const signed = 'Signed with Content Credentials · development certificate';
    await client
      .getByRole('region', { name: 'Your finals' })
      .getByRole('link', { name: signed })
      .waitFor();
    await client.getByRole('link', { name: 'Download your photos' }).click();
    await client.getByRole('heading', { name: 'Download your photos' }).waitFor();
    await client.getByRole('link', { name: signed }).waitFor();
    await snapshot(client, 'delivery-downloads');
    const [download] = await Promise.all([
      client.waitForEvent('download'),
      client.getByRole('link', { name: /Download all 2 as ZIP/ }).click(),
    ]);
    const zipPath = path.join(dir, 'finals.zip');
    await download.saveAs(zipPath);
    const files = await readZip(readFileSync(zipPath));
    expect(files.map((f) => f.name)).toEqual(['final-1.jpg', 'final-2.jpg']);
    expect(files.every((f) => f.crcMatches)).toBe(true);
    const xmp = (await sharp(files[0]!.data).metadata()).xmp?.toString() ?? '';
    expect(xmp).toContain('digitalsourcetype/digitalCapture');
    expect(xmp).toContain('Jonas Weber Studio');

    // The delivered file's Content Credentials check out on the verify page, with the rights.
    const finalPath = path.join(dir, 'delivered-final-1.jpg');
    writeFileSync(finalPath, files[0]!.data);
    const checker = await client.context().newPage();
    await checker.goto(`${server.url}/verify`);
    await checker.getByLabel('Choose an image to check').setInputFiles(finalPath);
    const verdict = checker.getByRole('region', { name: 'Valid Content Credentials' });
    await verdict.waitFor({ timeout: 30_000 });
    const said = await verdict.innerText();
    expect(said).toMatch(/AI-generated\s*No/);
    expect(said).toContain('Jonas Weber Studio');
    expect(said).toContain('Development certificate');
    await snapshot(checker, 'delivery-final-verified');
    await checker.close();

    await client.getByRole('link', { name: '← Back to the gallery' }).click();
    await client.getByText('How was your session with Jonas Weber Studio?').waitFor();
    await client.getByText('★★★★★', { exact: true }).click();
    await client
      .getByLabel('Your review')
      .fill('Calm direction and the photos look like me on a good day.');
    await client.getByRole('button', { name: 'Publish review' }).click();
    await client.getByText('Calm direction and the photos look like me on a good day.').waitFor();
    await client.getByRole('button', { name: 'Publish review' }).waitFor({ state: 'detached' });
    await snapshot(client, 'delivery-reviewed');

    // Every step is in the outbox, written for the right person with the studio's local time.
    const admin = await signIn(ADMIN);
    await admin.getByRole('link', { name: 'Outbox' }).click();
    await admin.getByRole('heading', { name: 'Outbox' }).waitFor();
    const expected = [
      'proofs_ready',
      'selection_submitted',
      'finals_delivered',
      'review_request',
      'review_posted',
    ];
    let messages: OutboxMessageDto[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      const res = await admin.request.get(
        `${server.url}/api/admin/outbox?bookingId=${bookingId}&pageSize=50`,
      );
      messages = ((await res.json()) as { items: OutboxMessageDto[] }).items;
      if (expected.every((k) => messages.some((m) => m.kind === k))) break;
      await admin.waitForTimeout(500);
    }
    expect(messages.map((m) => m.kind).sort()).toEqual([...expected].sort());
    const gallery = (await (
      await client.request.get(`${server.url}/api/bookings/${bookingId}/gallery`)
    ).json()) as { sessionStartsAt: string };
    const local = wallClock(gallery.sessionStartsAt);
    for (const m of messages.filter((x) => x.kind !== 'review_request')) {
      expect(m.text).toContain(`${local} (${ZONE}, `);
    }
    expect(messages.find((m) => m.kind === 'proofs_ready')!.toAddress).toBe(CLIENT);
    expect(messages.find((m) => m.kind === 'selection_submitted')!.toAddress).toBe(PHOTOGRAPHER);
    await admin.reload();
    await admin
      .getByText(/rated your session 5\/5/)
      .first()
      .click();
    await admin.getByText(/reviewed the session on/).waitFor();
    await snapshot(admin, 'delivery-outbox');
  });
});
