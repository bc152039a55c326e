import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json, noContent, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const VERIFY = 'POST /api/auth/verify-email';
const CHANGE = 'POST /api/auth/email-change/confirm';
const RESEND = 'POST /api/me/verification-email';
const TOKEN = 'k3y_0f-the-emailed-link_abcdefghijklmnopqrstuv';

describe('Verify email page', () => {
  it('sends the token once (even with effects run twice) and refreshes the signed-in user', async () => {
    let verified = false;
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ emailVerified: verified })),
      [VERIFY]: () => {
        verified = true;
        return noContent();
      },
    });
    const { user, location } = renderApp(`/verify-email?token=${TOKEN}`, { strictMode: true });

    expect(await screen.findByRole('heading', { name: 'Email confirmed' })).toBeVisible();
    expect(api.callsTo(VERIFY)).toHaveLength(1);
    expect(api.callsTo(VERIFY)[0]?.body).toEqual({ token: TOKEN });
    // The session was asked for again, so the app knows the address is confirmed.
    expect(api.callsTo('GET /api/auth/me').length).toBeGreaterThanOrEqual(2);

    await user.click(screen.getByRole('link', { name: 'Continue to Lensbridge' }));
    expect(await screen.findByRole('heading', { name: 'Your headshots' })).toBeVisible();
    expect(location()).toBe('/app');
    expect(screen.queryByText('Confirm your email address to book sessions.')).toBeNull();
  });

  it('shows progress while the link is checked', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [VERIFY]: () => new Promise<Response>(() => {}),
    });
    renderApp(`/verify-email?token=${TOKEN}`);

    expect(
      await screen.findByRole('heading', { name: 'Confirming your email address' }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Checking the link…');
  });

  it('offers a signed-out visitor to log in after success', async () => {
    fakeApi({ 'GET /api/auth/me': signedOut, [VERIFY]: noContent });
    renderApp(`/verify-email?token=${TOKEN}`);

    expect(await screen.findByRole('heading', { name: 'Email confirmed' })).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Log in' })).toHaveAttribute(
      'href',
      '/login?next=%2Fapp',
    );
  });

  it('explains an expired link and sends a new one to a signed-in person', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ emailVerified: false })),
      [VERIFY]: () => apiError(410, 'LINK_EXPIRED', 'This link has expired.'),
      [RESEND]: () => new Response(null, { status: 202 }),
    });
    const { user } = renderApp(`/verify-email?token=${TOKEN}`);

    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeVisible();
    expect(screen.getByText(/works once, for 48 hours/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));

    expect(await screen.findByText('We sent a new link to ada@example.com.')).toBeVisible();
    expect(api.callsTo(RESEND)).toHaveLength(1);
  });

  it('explains an unknown link and sends a signed-out visitor to log in for a new one', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [VERIFY]: () => apiError(400, 'LINK_INVALID', 'This link is not valid.'),
    });
    renderApp(`/verify-email?token=${TOKEN}`);

    expect(await screen.findByRole('heading', { name: "This link isn't valid" })).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Log in' })).toHaveAttribute(
      'href',
      '/login?next=%2Fapp%2Faccount',
    );
  });

  it('offers to try again when the server could not be reached', async () => {
    let attempts = 0;
    const api = fakeApi({
      'GET /api/auth/me': signedOut,
      [VERIFY]: () => {
        attempts += 1;
        return attempts === 1
          ? apiError(503, 'SERVICE_UNAVAILABLE', 'Down for a moment')
          : noContent();
      },
    });
    const { user } = renderApp(`/verify-email?token=${TOKEN}`);

    expect(
      await screen.findByRole('heading', { name: "We couldn't confirm your email address" }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Email confirmed' })).toBeVisible();
    await waitFor(() => expect(api.callsTo(VERIFY)).toHaveLength(2));
  });
});

describe('Confirm email change page', () => {
  it('changes the address once and shows the new one', async () => {
    let email = 'ada@example.com';
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ email })),
      [CHANGE]: () => {
        email = 'ada@newmail.example';
        return noContent();
      },
    });
    renderApp(`/confirm-email-change?token=${TOKEN}`, { strictMode: true });

    expect(
      await screen.findByRole('heading', { name: 'Your email address is changed' }),
    ).toBeVisible();
    expect(screen.getByText('From now on you log in with ada@newmail.example.')).toBeVisible();
    expect(api.callsTo(CHANGE)).toHaveLength(1);
  });

  it('says when the new address was taken meanwhile (409 EMAIL_TAKEN)', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession()),
      [CHANGE]: () => apiError(409, 'EMAIL_TAKEN', 'Email already registered'),
    });
    renderApp(`/confirm-email-change?token=${TOKEN}`);

    expect(
      await screen.findByRole('heading', { name: 'That address belongs to another account' }),
    ).toBeVisible();
    expect(screen.getByText(/your address stays as it was/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to your account' })).toHaveAttribute(
      'href',
      '/app/account',
    );
  });

  it('explains an expired link', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [CHANGE]: () => apiError(410, 'LINK_EXPIRED', 'This link has expired.'),
    });
    renderApp(`/confirm-email-change?token=${TOKEN}`);

    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeVisible();
    expect(screen.getByText(/works once, for 24 hours/)).toBeVisible();
  });
});
