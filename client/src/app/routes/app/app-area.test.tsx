import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession, aSessionInfo } from '@/testing/factories';
import { fakeApi, json, noContent, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function navLinks() {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
}

describe('App frame', () => {
  it('gives a photographer studio navigation, their name and role, and a Log out button', async () => {
    fakeApi({
      'GET /api/auth/me': () =>
        json(200, aSession({ name: 'Dorothea Lange', role: 'photographer' })),
    });
    renderApp('/app');

    expect(await screen.findByRole('heading', { name: 'Your studio' })).toBeVisible();
    // Home first; other features add their own entries, so check ours are there.
    expect(navLinks()[0]).toEqual(['Studio', '/app']);
    expect(navLinks()).toEqual(
      expect.arrayContaining([
        ['Studio setup', '/app/studio'],
        ['Bookings', '/app/bookings'],
        ['Payouts', '/app/payouts'],
        ['Account', '/app/account'],
      ]),
    );
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Dorothea Lange')).toBeVisible();
    expect(within(banner).getByText('Photographer')).toBeVisible();
    expect(within(banner).getByRole('button', { name: 'Log out' })).toBeEnabled();
  });

  it('gives a client headshot navigation and the client home', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ name: 'Ada Lovelace', role: 'client' })),
    });
    renderApp('/app');

    expect(await screen.findByRole('heading', { name: 'Your headshots' })).toBeVisible();
    expect(navLinks()[0]).toEqual(['Headshots', '/app']);
    expect(navLinks()).toEqual(
      expect.arrayContaining([
        ['AI drafts', '/app/drafts'],
        ['Compare', '/app/compare'],
        ['Photographers', '/photographers'],
        ['My bookings', '/app/bookings'],
        ['Account', '/app/account'],
      ]),
    );
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Client')).toBeVisible();
    expect(within(banner).queryByText('Photographer')).not.toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: 'Log out' })).toBeEnabled();
    // Every step links to the page where it is done; nothing says "not available".
    const steps = within(screen.getByRole('list', { name: 'Your next steps' }));
    expect(steps.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/app/drafts',
      '/app/compare',
      '/photographers',
    ]);
    expect(screen.queryByText(/not available yet|one at a time/i)).not.toBeInTheDocument();
  });

  it('shows a loading state while the session is being checked', async () => {
    fakeApi({ 'GET /api/auth/me': () => new Promise<Response>(() => {}) });
    renderApp('/app');

    expect(await screen.findByRole('status')).toHaveTextContent('Checking your session…');
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
  });

  it('sends a signed-out visitor to log in, remembering where they were going', async () => {
    fakeApi({ 'GET /api/auth/me': signedOut });
    const { location } = renderApp('/app/account');

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeVisible();
    expect(location()).toBe('/login?next=%2Fapp%2Faccount');
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
  });

  it('logs out with the CSRF token, forgets the session and returns to the landing page', async () => {
    document.cookie = 'lb_csrf=token-from-cookie; path=/';
    let signedIn = true;
    const api = fakeApi({
      'GET /api/auth/me': () =>
        signedIn ? json(200, aSession({ role: 'photographer' })) : signedOut(),
      'POST /api/auth/logout': () => {
        signedIn = false;
        return noContent();
      },
    });
    const { user, location, queryClient } = renderApp('/app');

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: /AI draft headshot/ }),
    ).toBeVisible();
    expect(location()).toBe('/');
    expect(screen.getAllByRole('link', { name: 'Sign up' })[0]).toBeVisible();
    const [logout] = api.callsTo('POST /api/auth/logout');
    expect(logout?.headers.get('x-csrf-token')).toBe('token-from-cookie');
    expect(logout?.credentials).toBe('same-origin');
    expect(queryClient.getQueryData(['auth', 'me'])).toBeNull();
  });

  it('shows the account details on /app/account', async () => {
    fakeApi({
      'GET /api/auth/me': () =>
        json(
          200,
          aSession({
            name: 'Grace Hopper',
            email: 'grace@example.com',
            role: 'client',
            createdAt: '2024-12-09T10:00:00.000Z',
          }),
        ),
      'GET /api/me/sessions': () => json(200, [aSessionInfo()]),
    });
    renderApp('/app/account');

    expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    const main = screen.getByRole('main');
    expect(within(main).getByLabelText('Your name')).toHaveValue('Grace Hopper');
    expect(within(main).getByText('grace@example.com')).toBeVisible();
    expect(within(main).getByText('Confirmed')).toBeVisible();
    expect(within(main).getByText('Client')).toBeVisible();
    expect(within(main).getByText(/2024/)).toHaveAttribute('datetime', '2024-12-09T10:00:00.000Z');
    // A confirmed address needs no banner.
    expect(screen.queryByText('Confirm your email address to book sessions.')).toBeNull();
  });
});
