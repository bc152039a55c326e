import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const PHOTOGRAPHER = 'photographer@demo.lensbridge.test';
const STUDIO = 'Jonas Weber Studio';

/** Every package the page sent to the server, to prove a refused form sent nothing. */
function recordPackageWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/photographers/me/packages')) {
      writes.push(request.postData() ?? '');
    }
  });
  return writes;
}

/** Back to the top first: a full-page shot taken scrolled down draws the sticky header mid-form. */
async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await snapshot(page, name);
}

const overflow = (page: Page) =>
  // A string runs in the page; the test's own TypeScript has no DOM types.
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

describe('a photographer with a German browser prices a package in Chromium', () => {
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

  it('types "79,50", sees €79.50 before saving, and clients see €79.50 (not €7,950)', async () => {
    const context = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Berlin',
    });
    const page = await context.newPage();
    const writes = recordPackageWrites(page);
    await page.goto(`${server.url}/login`);
    await logIn(page, PHOTOGRAPHER);
    await page.getByRole('heading', { name: 'Your studio' }).waitFor();
    await page.goto(`${server.url}/app/studio/packages`);
    await page.getByRole('button', { name: 'Add a package' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Express portrait');

    // An empty price is refused on the field; nothing is saved.
    await page.getByRole('button', { name: 'Add package' }).click();
    const price = page.getByLabel('Price', { exact: true });
    await page.getByText('Enter the price — or tick “Free session” if it costs nothing').waitFor();
    await expect(price.getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(page, 'package-price-empty');
    expect(writes).toHaveLength(0);

    // "79,50" the German way: the preview says what it understood before anything is saved.
    await price.fill('79,50');
    await page.getByText(/^= 79,50\s€$/).waitFor();
    await expect(price.getAttribute('aria-invalid')).resolves.toBeNull();
    await shot(page, 'package-price-preview-desktop');
    expect(writes).toHaveLength(0);

    await page.getByRole('button', { name: 'Add package' }).click();
    const saved = page
      .getByRole('list', { name: 'Your packages' })
      .getByRole('listitem')
      .filter({ hasText: 'Express portrait' });
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toContain('€79.50');
    await expect(saved.textContent()).resolves.not.toContain('7,950');
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!)).toMatchObject({ priceCents: 7_950, currency: 'EUR' });
    await shot(page, 'package-price-saved');

    // A client (signed out) sees the same price on the studio's public profile.
    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${server.url}/photographers`);
    await visitor.getByRole('article').filter({ hasText: STUDIO }).getByRole('link').click();
    await visitor.getByRole('heading', { name: STUDIO, level: 1 }).waitFor();
    const offered = visitor.locator('.pg-package').filter({ hasText: 'Express portrait' });
    await offered.waitFor();
    await expect(offered.locator('.pg-package__price').textContent()).resolves.toBe('€79.50');
    await snapshot(visitor, 'package-price-profile');
    await visitor.close();
    await context.close();
  });

  it('shows the form and its preview on a phone without sideways scrolling', async () => {
    const context = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 390, height: 844 },
      timezoneId: 'Europe/Berlin',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await logIn(page, PHOTOGRAPHER);
    await page.getByRole('heading', { name: 'Your studio' }).waitFor();
    await page.goto(`${server.url}/app/studio/packages`);
    await page.getByRole('button', { name: 'Add a package' }).click();
    await page.getByLabel('Price', { exact: true }).fill('1.234,5');
    await page.getByText(/^= 1\.234,50\s€$/).waitFor();
    await page.getByRole('radio', { name: "At the client's location" }).check();
    await page.getByLabel('Travel fee').fill('1,500');
    await page.getByLabel('Travel fee').blur();
    await page.getByText('“1,500” could be 1,5 or 1500 — write 1500 or 1,50').waitFor();
    await shot(page, 'package-price-preview-phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
