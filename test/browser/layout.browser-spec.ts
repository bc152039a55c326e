import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(240_000);

const PHONE = { width: 390, height: 844 };

/** The page is no wider than the phone's screen: nothing scrolls sideways or is cut off. */
async function fitsThePhone(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Opens each page in turn, photographs it (with the axe check) and expects it to fit. */
async function expectEachToFit(
  page: Page,
  prefix: string,
  pages: readonly (readonly [string, string])[],
  baseUrl: string,
): Promise<void> {
  for (const [name, path] of pages) {
    await page.goto(`${baseUrl}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const size = await fitsThePhone(page);
    await snapshot(page, `${prefix}${name}`);
    expect({ page: name, ...size }).toEqual({ page: name, ...size, scrollWidth: size.innerWidth });
  }
}

describe('Layout on a 390 px phone, in Chromium', () => {
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

  it('public pages never scroll sideways, and the landing header keeps Sign up on screen', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/photographers`);
    const profile = await page.locator('a[href^="/photographers/"]').first().getAttribute('href');
    await expectEachToFit(
      page,
      'layout-phone-',
      [
        ['landing', '/'],
        ['directory', '/photographers'],
        ['profile', profile!],
        ['login', '/login'],
        ['signup', '/signup'],
        ['forgot-password', '/forgot-password'],
        ['reset-password', '/reset-password?token=not-a-real-token'],
        ['verify-email-invalid', '/verify-email?token=not-a-real-token'],
        ['verify-credentials', '/verify'],
      ],
      server.url,
    );
    await page.goto(server.url);
    const signUp = page
      .getByRole('navigation', { name: 'Account' })
      .getByRole('link', { name: 'Sign up' });
    const box = await signUp.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it("a client's main pages, the comparison included, never scroll sideways", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/login`);
    await logIn(page, 'client@demo.lensbridge.test');
    await page.waitForURL(/\/app$/);
    await expectEachToFit(
      page,
      'layout-phone-client-',
      [
        ['home', '/app'],
        ['drafts', '/app/drafts'],
        ['compare', '/app/compare?useCase=profile'],
        ['bookings', '/app/bookings'],
        ['account', '/app/account'],
      ],
      server.url,
    );
    await page.close();
  });

  it("a photographer's studio, bookings and payouts never scroll sideways", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/login`);
    await logIn(page, 'photographer@demo.lensbridge.test');
    await page.waitForURL(/\/app$/);
    await expectEachToFit(
      page,
      'layout-phone-photographer-',
      [
        ['home', '/app'],
        ['studio-profile', '/app/studio/profile'],
        ['studio-packages', '/app/studio/packages'],
        ['studio-availability', '/app/studio/availability'],
        ['bookings', '/app/bookings'],
        ['deliveries', '/app/deliveries'],
        ['payouts', '/app/payouts'],
        ['account', '/app/account'],
      ],
      server.url,
    );
    await page.close();
  });
});
