import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expectAccessible } from './axe';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots');

/** Debian's Chromium, headless, with its background networking off (no network here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Saves a full-page screenshot under test-results/screenshots for a person to look at, and
 * checks the page as it is with axe-core: every state a journey photographs is also held to no
 * serious or critical accessibility violation.
 */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  await expectAccessible(page, name);
}

/** The demo accounts' password (see the README). */
export const DEMO_PASSWORD = 'lensbridge-demo';

/** Fills the log-in form on the current page and sends it. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
