import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PayoutAccountDto } from '@shared/payments/payments.types';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { anEarnings, atStudioIn, earningsIn } from '@/testing/payment-factories';
import { renderApp } from '@/testing/render-app';

const photographer = () => json(200, aSession({ role: 'photographer' }));
const account = (overrides: Partial<PayoutAccountDto>) => () =>
  json(200, {
    provider: 'stripe',
    status: 'not_connected',
    payoutsEnabled: false,
    updatedAt: null,
    ...overrides,
  });

describe('Payouts page', () => {
  it('tells a photographer on manual payments that clients pay at the studio', async () => {
    fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ provider: 'manual' }),
      'GET /api/payments/earnings': () => json(200, anEarnings({ byCurrency: [], atStudio: [] })),
    });
    renderApp('/app/payouts');
    expect(await screen.findByRole('heading', { name: 'Payments at the studio' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /payout/i })).toBeNull();
    expect(await screen.findByText(/No confirmed sessions yet/)).toBeVisible();
  });

  it('shows what is due at sessions to come and what held sessions brought, per currency', async () => {
    fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ provider: 'manual' }),
      'GET /api/payments/earnings': () =>
        json(
          200,
          anEarnings({
            byCurrency: [],
            atStudio: [
              atStudioIn('EUR'),
              atStudioIn('USD', {
                dueCents: 15_000,
                dueSessions: 1,
                heldSessionsCents: 0,
                heldSessions: 0,
              }),
            ],
          }),
        ),
    });
    renderApp('/app/payouts');
    const euros = await screen.findByRole('region', { name: 'Earnings in EUR' });
    expect(within(euros).getByText('€480.00')).toBeVisible();
    expect(within(euros).getByText(/2 sessions confirmed/)).toBeVisible();
    expect(within(euros).getByText('€240.00')).toBeVisible();
    expect(within(euros).getByText(/1 session completed/)).toBeVisible();
    const dollars = screen.getByRole('region', { name: 'Earnings in USD' });
    expect(within(dollars).getByText(/\$150\.00/)).toBeVisible();
    expect(within(dollars).getByText(/0 sessions completed/)).toBeVisible();
  });

  it('offers to connect a payout account and asks the server for the onboarding link', async () => {
    const api = fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ status: 'not_connected' }),
      'POST /api/payments/connect/onboarding': () =>
        json(201, { url: 'about:blank#stripe-onboarding' }),
    });
    renderApp('/app/payouts');
    expect(await screen.findByText('Not connected')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Connect a payout account' }));
    expect(
      api.calls.some((c) => c.method === 'POST' && c.path === '/api/payments/connect/onboarding'),
    ).toBe(true);
  });

  it('asks a photographer to confirm their address before payout onboarding (403)', async () => {
    const api = fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ status: 'not_connected' }),
      'GET /api/payments/earnings': () => json(200, anEarnings({ byCurrency: [] })),
      'POST /api/payments/connect/onboarding': () =>
        apiError(403, 'EMAIL_NOT_VERIFIED', 'Confirm your email address first.'),
      'POST /api/me/verification-email': () => new Response(null, { status: 202 }),
    });
    renderApp('/app/payouts');
    await userEvent.click(await screen.findByRole('button', { name: 'Connect a payout account' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Confirm your email address first');
    await userEvent.click(within(alert).getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByText('We sent a new link to your email address.')).toBeVisible();
    expect(api.callsTo('POST /api/me/verification-email')).toHaveLength(1);
  });

  it('shows a ready account with its earnings and without the setup button', async () => {
    fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ status: 'active', payoutsEnabled: true }),
      'GET /api/payments/earnings': () => json(200, anEarnings()),
    });
    renderApp('/app/payouts');
    expect(await screen.findByText('Ready for payouts')).toBeVisible();
    expect(screen.queryByRole('button', { name: /payout/i })).toBeNull();
    expect(await screen.findByText('Held until delivery')).toBeVisible();
    expect(screen.getByText('€204.00')).toBeVisible();
  });

  it('shows each currency on its own, with its own digits, and never adds them up', async () => {
    fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ status: 'active', payoutsEnabled: true }),
      'GET /api/payments/earnings': () =>
        json(
          200,
          anEarnings({
            byCurrency: [
              earningsIn('eur', { transferredCents: 20_400 }),
              earningsIn('jpy', { heldCents: 15_000, transferredCents: 0, platformFeeCents: 0 }),
            ],
          }),
        ),
    });
    renderApp('/app/payouts');
    const eur = await screen.findByRole('region', { name: 'Earnings in EUR' });
    const jpy = screen.getByRole('region', { name: 'Earnings in JPY' });
    expect(within(eur).getByText('€204.00')).toBeVisible();
    // Yen have no cents: 15000 is ¥15,000, not ¥150.
    expect(within(jpy).getByText('JP¥15,000')).toBeVisible();
  });

  it('says there is nothing yet before any client has paid online', async () => {
    fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ status: 'active', payoutsEnabled: true }),
      'GET /api/payments/earnings': () => json(200, anEarnings({ byCurrency: [] })),
    });
    renderApp('/app/payouts');
    expect(await screen.findByText(/No payments yet/)).toBeVisible();
    expect(screen.queryByText('Held until delivery')).toBeNull();
  });

  it('explains the wait after returning from onboarding', async () => {
    fakeApi({
      'GET /api/auth/me': photographer,
      'GET /api/payments/connect/status': account({ status: 'onboarding' }),
    });
    renderApp('/app/payouts?onboarding=done');
    expect(await screen.findByText('Thanks — your details are with Stripe')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Finish setting up payouts' })).toBeEnabled();
  });
});
