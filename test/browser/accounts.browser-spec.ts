import type { Browser, Page } from 'playwright-core';
import { launchChromium, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

describe('accounts in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => page.close());

  it('a photographer signs up, logs out, logs in again and lands on their studio home', async () => {
    const email = `studio.${Date.now()}@example.com`;
    await page.goto(server.url);
    await snapshot(page, 'landing');
    await page
      .getByRole('link', { name: /sign up/i })
      .first()
      .click();

    await page.getByLabel('Your name').fill('Noor Photographer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('north-light-studio-9');
    await page.getByText("I'm a photographer").click();
    await snapshot(page, 'signup-filled');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Your studio' }).waitFor();
    expect(page.url()).toBe(`${server.url}/app`);
    await expect(page.getByText('Noor Photographer').first().isVisible()).resolves.toBe(true);
    await snapshot(page, 'photographer-home');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${server.url}/`);
    // The session is really gone: the app area sends us to log in.
    await page.goto(`${server.url}/app`);
    await page.waitForURL(/\/login/);

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('north-light-studio-9');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Your studio' }).waitFor();
  });

  it('a demo client logs in and sees the headshot home; a wrong password is explained', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('client@demo.lensbridge.test');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /don't match/i })
      .waitFor();
    await snapshot(page, 'login-wrong-password');

    await page.getByLabel('Password', { exact: true }).fill('lensbridge-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Your headshots' }).waitFor();
    await snapshot(page, 'client-home');
  });

  it('shows the sign-up form usable on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/signup`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter your name').waitFor();
    await snapshot(page, 'signup-errors-mobile');
  });
});
