import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const LOGIN = 'POST /api/auth/login';

describe('Log-in page', () => {
  it('says when the email and password do not match, and clears the password', async () => {
    const api = fakeApi({
      'GET /api/auth/me': signedOut,
      [LOGIN]: () => apiError(401, 'INVALID_CREDENTIALS', 'Invalid email or password'),
    });
    const { user, location } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'not my password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "That email and password don't match",
    );
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    expect(location()).toBe('/login');
    expect(api.callsTo(LOGIN)[0]?.body).toEqual({
      email: 'ada@example.com',
      password: 'not my password',
    });
  });

  it('validates with the shared schema before calling the API', async () => {
    const api = fakeApi({ 'GET /api/auth/me': signedOut });
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Enter your email address')).toBeVisible();
    expect(screen.getByText('Enter your password')).toBeVisible();
    expect(api.callsTo(LOGIN)).toHaveLength(0);
  });

  it('logs in and continues to the page in ?next', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [LOGIN]: () => json(200, aSession({ name: 'Grace Hopper', email: 'grace@example.com' })),
    });
    const { user, location } = renderApp('/login?next=%2Fapp%2Faccount');

    await user.type(await screen.findByLabelText('Email'), 'grace@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Account' })).toBeVisible();
    expect(screen.getByText('grace@example.com')).toBeVisible();
    expect(location()).toBe('/app/account');
  });

  it('never follows a ?next that leaves the site', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [LOGIN]: () => json(200, aSession()),
    });
    const { user, location } = renderApp('/login?next=%2F%2Fevil.example%2Fphish');

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Your headshots' })).toBeVisible();
    expect(location()).toBe('/app');
  });
});
