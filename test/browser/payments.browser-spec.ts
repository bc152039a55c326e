import type { Browser } from 'playwright-core';
import { FakeStripe } from '../support/fake-stripe/fake-stripe';
import { launchChromium, snapshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

describe('paying for a booking in Chromium (fake Stripe)', () => {
  const fake = new FakeStripe();
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await fake.start();
    server = await startServer({
      STRIPE_SECRET_KEY: 'sk_test_lensbridge',
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_BASE: fake.baseUrl,
    });
    fake.webhookUrl = `${server.url}/api/payments/stripe/webhook`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake.stop();
  });

  it('a client holds a slot, pays on the hosted checkout page and lands on a confirmed booking', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Berlin',
    });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('client@demo.lensbridge.test');
    await page.getByLabel('Password', { exact: true }).fill('lensbridge-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Your headshots' }).waitFor();

    await page.goto(`${server.url}/photographers`);
    await page
      .getByRole('article')
      .filter({ hasText: 'Jonas Weber Studio' })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: 'Jonas Weber Studio', level: 1 }).waitFor();
    await page.getByText('Headshot session').click();
    const slot = page.locator('.slot-picker__slot').first();
    await slot.waitFor();
    await slot.click();
    await page.getByRole('button', { name: 'Hold this time' }).click();
    await page.getByRole('timer').waitFor();
    await snapshot(page, 'payments-hold');

    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(`${fake.baseUrl}/pay/**`);
    const session = fake.all('cs_test').at(-1)!;
    await page.getByRole('heading', { name: /^Pay / }).waitFor();
    await snapshot(page, 'payments-hosted-checkout');
    await page.getByRole('button', { name: 'Pay' }).click();

    await page.waitForURL(/\/app\/bookings\/[0-9a-f-]+\?checkout=success/);
    await page.getByText('Thank you — your payment arrived').waitFor();
    await page.getByText('Confirmed', { exact: true }).first().waitFor();
    const receipts = page.getByRole('list', { name: 'Receipts' });
    await receipts.waitFor();
    await expect(receipts.textContent()).resolves.toContain('Payment');
    await snapshot(page, 'payments-confirmed');
    expect(session.status).toBe('complete');

    // A €10 refund made by hand in Stripe's Dashboard: the booking shows it on its own line,
    // the amount still due does not grow, and the receipts list it.
    await fake.dashboardRefund(String(fake.get(session.id).payment_intent), 1_000);
    await page.reload();
    const details = page.getByRole('definition');
    await page.getByText('Refunded', { exact: true }).first().waitFor();
    await expect(details.allTextContents()).resolves.toEqual(
      expect.arrayContaining(['€44.70', '€10.00', '€104.30']),
    );
    await expect(receipts.textContent()).resolves.toMatch(/€10\.00/);
    await snapshot(page, 'payments-dashboard-refund');
    await page.close();

    // The admin's Payments page shows the same amounts for that payment.
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await admin.goto(`${server.url}/login`);
    await admin.getByLabel('Email').fill('admin@demo.lensbridge.test');
    await admin.getByLabel('Password', { exact: true }).fill('lensbridge-demo');
    await admin.getByRole('button', { name: 'Log in' }).click();
    await admin.waitForURL(/\/app/);
    await admin.goto(`${server.url}/app/payments`);
    const row = admin
      .getByRole('list', { name: 'Payments' })
      .getByRole('listitem')
      .filter({ hasText: '€44.70' })
      .first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/€10\.00/);
    await snapshot(admin, 'payments-admin-list');
    await admin.close();
  });
});
