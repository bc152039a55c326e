import type { Browser, Page } from 'playwright-core';
import { ACCOUNT_LINK_PATHS } from '../../shared/auth/account.types';
import { launchChromium, logIn, snapshot } from './support/browser';
import { linkIn, waitForEmail } from './support/mail';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const PHONE = { width: 390, height: 844 };

describe('An account from sign-up to deletion, in Chromium', () => {
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

  async function signUpAs(name: string, email: string, password: string): Promise<void> {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByText('I need a headshot').click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/app$/);
  }

  async function fitsThePhone(): Promise<void> {
    const size = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
  }

  it('confirms the address from the emailed link; the banner goes', async () => {
    const email = `verify.${Date.now()}@example.com`;
    await signUpAs('Vera Verify', email, 'vera-confirms-42');
    const banner = page.getByText(/Confirm your email address to book sessions/);
    await banner.waitFor();
    await snapshot(page, 'account-unverified-banner');

    const message = await waitForEmail(server.outboxDir, email, /Confirm your email address/);
    await page.goto(linkIn(message, ACCOUNT_LINK_PATHS.verifyEmail));
    await page.getByRole('heading', { name: 'Email confirmed' }).waitFor();
    await snapshot(page, 'account-verify-email-done');

    await page.goto(`${server.url}/app`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expect(banner.count()).resolves.toBe(0);
  });

  it('resets a forgotten password through the emailed link, on a phone', async () => {
    await page.setViewportSize(PHONE);
    const email = `forgot.${Date.now()}@example.com`;
    await signUpAs('Fern Forgot', email, 'fern-original-42');
    // Later, on another phone that is not signed in.
    await page.context().clearCookies();

    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your inbox').waitFor();
    await fitsThePhone();
    await snapshot(page, 'account-forgot-password-sent-phone');

    const message = await waitForEmail(server.outboxDir, email, /Reset your Lensbridge password/);
    await page.goto(linkIn(message, ACCOUNT_LINK_PATHS.passwordReset));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('fern-renewed-77');
    await page.getByLabel('Confirm new password').fill('fern-renewed-77');
    await fitsThePhone();
    await snapshot(page, 'account-reset-password-phone');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { name: 'Your password is changed' }).waitFor();

    // The link worked once; the old password is gone, the new one opens the account.
    await page.goto(linkIn(message, ACCOUNT_LINK_PATHS.passwordReset));
    await page.getByRole('button', { name: 'Save the new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('fern-third-try-55');
    await page.getByLabel('Confirm new password').fill('fern-third-try-55');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page
      .getByText(/expired|used already/i)
      .first()
      .waitFor();
    await snapshot(page, 'account-reset-password-used-link');

    await page.goto(`${server.url}/login`);
    await logIn(page, email, 'fern-original-42');
    await page
      .getByRole('alert')
      .filter({ hasText: /don't match/i })
      .waitFor();
    await logIn(page, email, 'fern-renewed-77');
    await page.waitForURL(/\/app$/);
  });

  it('changes the email address once the link sent to the new one is followed', async () => {
    const stamp = Date.now();
    const email = `old.${stamp}@example.com`;
    const newEmail = `new.${stamp}@example.net`;
    await signUpAs('Milo Move', email, 'milo-moves-house-3');
    await page.goto(`${server.url}/app/account`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByLabel('New email address').fill(newEmail);
    await page.getByLabel('Your password').first().fill('milo-moves-house-3');
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await page.getByText(`We sent a link to ${newEmail}`).waitFor();
    await snapshot(page, 'account-email-change-sent');

    const message = await waitForEmail(server.outboxDir, newEmail, /Confirm your new email/);
    await page.goto(linkIn(message, ACCOUNT_LINK_PATHS.emailChange));
    await page.getByRole('heading', { name: 'Your email address is changed' }).waitFor();
    await snapshot(page, 'account-email-change-done');
    await page.goto(`${server.url}/app/account`);
    await page.getByText(newEmail).first().waitFor();
    await waitForEmail(server.outboxDir, email, /email address was changed/);
  });

  it('lists the sessions, signs another device out, changes the password and deletes the account', async () => {
    const email = `leaving.${Date.now()}@example.com`;
    await signUpAs('Lea Leaving', email, 'lea-leaves-soon-8');
    // A second device.
    const phone = await browser.newPage({ viewport: PHONE, userAgent: IPHONE });
    await phone.goto(`${server.url}/login`);
    await logIn(phone, email, 'lea-leaves-soon-8');
    await phone.waitForURL(/\/app$/);

    await page.goto(`${server.url}/app/account`);
    const other = page.getByRole('button', { name: /Sign out Safari on iPhone/ });
    await other.waitFor();
    await snapshot(page, 'account-page');
    await other.click();
    await page.getByRole('button', { name: /Sign out Safari on iPhone/ }).waitFor({
      state: 'detached',
    });
    await phone.reload();
    await phone.waitForURL(/\/login/);
    await phone.close();

    await page.getByLabel('Current password').fill('lea-leaves-soon-8');
    await page.getByLabel('New password', { exact: true }).fill('lea-new-secret-99');
    await page.getByLabel('Confirm new password').fill('lea-new-secret-99');
    await page.getByRole('button', { name: /Change (the )?password/ }).click();
    await page
      .getByText(/Password changed/)
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByLabel('Your password').fill('lea-new-secret-99');
    await snapshot(page, 'account-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${server.url}/`);
    await page
      .getByText(/account was deleted/i)
      .first()
      .waitFor();
    await snapshot(page, 'account-deleted');

    await page.goto(`${server.url}/login`);
    await logIn(page, email, 'lea-new-secret-99');
    await page
      .getByRole('alert')
      .filter({ hasText: /don't match/i })
      .waitFor();
  });
});

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
