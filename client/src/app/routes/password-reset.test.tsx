import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, noContent, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const REQUEST = 'POST /api/auth/password-reset';
const CONFIRM = 'POST /api/auth/password-reset/confirm';
const TOKEN = 'k3y_0f-the-emailed-link_abcdefghijklmnopqrstuv';

describe('Forgot password', () => {
  it('is linked from log-in with the address typed so far', async () => {
    fakeApi({ 'GET /api/auth/me': signedOut });
    const { user, location } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('link', { name: 'Forgot password?' }));

    expect(await screen.findByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
    expect(location()).toBe('/forgot-password?email=ada%40example.com');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
  });

  it('gives the same neutral answer for any address', async () => {
    const api = fakeApi({
      'GET /api/auth/me': signedOut,
      [REQUEST]: () => new Response(null, { status: 202 }),
    });
    const { user } = renderApp('/forgot-password');

    await user.type(await screen.findByLabelText('Email'), '  Grace@Example.com ');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'If an account exists for grace@example.com, we sent a link valid for 30 minutes.',
    );
    expect(api.callsTo(REQUEST)[0]?.body).toEqual({ email: 'grace@example.com' });
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
  });
});

describe('Reset password page', () => {
  async function chooseNewPassword(user: ReturnType<typeof renderApp>['user']) {
    await user.type(await screen.findByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
  }

  it('checks the two passwords match before sending anything', async () => {
    const api = fakeApi({ 'GET /api/auth/me': signedOut, [CONFIRM]: noContent });
    const { user } = renderApp(`/reset-password?token=${TOKEN}`);

    await user.type(await screen.findByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a brand new passphrase!');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));

    expect(await screen.findByLabelText('Confirm new password')).toHaveAccessibleDescription(
      "The two passwords don't match",
    );
    expect(api.callsTo(CONFIRM)).toHaveLength(0);
  });

  it('sets the new password with the token and offers to log in', async () => {
    const api = fakeApi({ 'GET /api/auth/me': signedOut, [CONFIRM]: noContent });
    const { user } = renderApp(`/reset-password?token=${TOKEN}`);

    await chooseNewPassword(user);

    expect(await screen.findByRole('heading', { name: 'Your password is changed' })).toBeVisible();
    expect(screen.getByText(/signed out/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(api.callsTo(CONFIRM)[0]?.body).toEqual({
      token: TOKEN,
      password: 'a brand new passphrase',
    });
  });

  it('says an expired link (410) has expired and offers a new one', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [CONFIRM]: () => apiError(410, 'RESET_TOKEN_EXPIRED', 'This reset link has expired.'),
    });
    const { user } = renderApp(`/reset-password?token=${TOKEN}`);

    await chooseNewPassword(user);

    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeVisible();
    expect(screen.getByText(/works once, for 30 minutes/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('says an unknown link (400 RESET_TOKEN_INVALID) is not valid and offers a new one', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [CONFIRM]: () => apiError(400, 'RESET_TOKEN_INVALID', 'This reset link is not valid.'),
    });
    const { user } = renderApp(`/reset-password?token=${TOKEN}`);

    await chooseNewPassword(user);

    expect(await screen.findByRole('heading', { name: "This link isn't valid" })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Request a new link' })).toBeVisible();
  });

  it('puts WEAK_PASSWORD on the new password and keeps the form', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [CONFIRM]: () =>
        apiError(400, 'WEAK_PASSWORD', 'This password appears in known data breaches'),
    });
    const { user } = renderApp(`/reset-password?token=${TOKEN}`);

    await chooseNewPassword(user);

    await waitFor(() =>
      expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
        expect.stringContaining('This password appears in known data breaches'),
      ),
    );
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  });

  it('says a link without its token is not valid, without calling the API', async () => {
    const api = fakeApi({ 'GET /api/auth/me': signedOut });
    renderApp('/reset-password');

    expect(await screen.findByRole('heading', { name: "This link isn't valid" })).toBeVisible();
    expect(api.callsTo(CONFIRM)).toHaveLength(0);
  });
});
