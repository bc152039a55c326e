import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionDto } from '@shared/auth/auth.types';
import { aSession, aSessionInfo, aUser } from '@/testing/factories';
import { apiError, fakeApi, json, noContent, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const THIS_DEVICE = aSessionInfo({ id: 'a'.repeat(32), device: 'Chrome on Linux', current: true });
const OTHER_DEVICE = aSessionInfo({
  id: 'b'.repeat(32),
  device: 'Firefox on Windows',
  current: false,
  createdAt: '2029-12-01T08:00:00.000Z',
  lastUsedAt: '2029-12-20T18:15:00.000Z',
});

/** The signed-in person, plus their sessions, with any extra routes for the test. */
function signedInAs(session: SessionDto, routes: Parameters<typeof fakeApi>[0] = {}) {
  let signedIn = true;
  const api = fakeApi({
    'GET /api/auth/me': () => (signedIn ? json(200, session) : signedOut()),
    'GET /api/me/sessions': () => json(200, [OTHER_DEVICE, THIS_DEVICE]),
    ...routes,
  });
  return { api, signOut: () => (signedIn = false) };
}

describe('Account page', () => {
  it('renames the person, saying so and updating the header', async () => {
    document.cookie = 'lb_csrf=token-from-cookie; path=/';
    const { api } = signedInAs(aSession({ name: 'Ada Lovelace' }), {
      'PATCH /api/me': (call) => json(200, aUser({ name: (call.body as { name: string }).name })),
    });
    const { user } = renderApp('/app/account');

    const name = await screen.findByLabelText('Your name');
    await user.clear(name);
    await user.type(name, '  Ada King ');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Name saved')).toBeVisible();
    expect(within(screen.getByRole('banner')).getByText('Ada King')).toBeVisible();
    const [patch] = api.callsTo('PATCH /api/me');
    expect(patch?.body).toEqual({ name: 'Ada King' });
    expect(patch?.headers.get('x-csrf-token')).toBe('token-from-cookie');
  });

  it('puts a wrong current password on its field, and confirms a change', async () => {
    let answer = () =>
      apiError(400, 'PASSWORD_INCORRECT', 'Current password is incorrect', {
        details: [{ path: 'currentPassword', message: 'Current password is incorrect' }],
      });
    const { api } = signedInAs(aSession(), { 'POST /api/me/password': () => answer() });
    const { user } = renderApp('/app/account');

    await user.type(await screen.findByLabelText('Current password'), 'not my password');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const current = screen.getByLabelText('Current password');
    await waitFor(() =>
      expect(current).toHaveAccessibleDescription("That isn't your current password"),
    );
    expect(current).toHaveValue('');
    expect(current).toHaveFocus();
    expect(api.callsTo('POST /api/me/password')[0]?.body).toEqual({
      currentPassword: 'not my password',
      newPassword: 'a brand new passphrase',
    });

    answer = noContent;
    await user.type(current, 'my real password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(
      await screen.findByText('Password changed; other devices were signed out'),
    ).toBeVisible();
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  it('refuses a new password typed differently twice, without calling the API', async () => {
    const { api } = signedInAs(aSession());
    const { user } = renderApp('/app/account');

    await user.type(await screen.findByLabelText('Current password'), 'my real password');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a brand new passphrose');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText("The two passwords don't match")).toBeVisible();
    expect(api.callsTo('POST /api/me/password')).toHaveLength(0);
  });

  it('starts an email change and says the address changes once the link is followed', async () => {
    const { api } = signedInAs(aSession({ email: 'ada@example.com' }), {
      'POST /api/me/email': () =>
        json(202, { status: 'check_email', pendingEmail: 'ada@newmail.example' }),
    });
    const { user } = renderApp('/app/account');

    await user.type(await screen.findByLabelText('New email address'), 'Ada@NewMail.example');
    await user.type(screen.getByLabelText('Your password'), 'my real password');
    await user.click(screen.getByRole('button', { name: 'Send the confirmation link' }));

    expect(await screen.findByText('We sent a link to ada@newmail.example')).toBeVisible();
    expect(screen.getByText(/your address changes when you follow it/i)).toBeVisible();
    expect(api.callsTo('POST /api/me/email')[0]?.body).toEqual({
      newEmail: 'ada@newmail.example',
      password: 'my real password',
    });
  });

  it('lists where the person is signed in and signs another device out', async () => {
    let sessions = [OTHER_DEVICE, THIS_DEVICE];
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession()),
      'GET /api/me/sessions': () => json(200, sessions),
      [`DELETE /api/me/sessions/${OTHER_DEVICE.id}`]: () => {
        sessions = [THIS_DEVICE];
        return noContent();
      },
    });
    const { user, location } = renderApp('/app/account');

    const section = await screen.findByRole('region', { name: "Where you're signed in" });
    const rows = await within(section).findAllByRole('listitem');
    // This device first, marked; then the others.
    expect(rows[0]).toHaveTextContent('Chrome on Linux');
    expect(within(rows[0]!).getByText('This device')).toBeVisible();
    expect(rows[1]).toHaveTextContent('Firefox on Windows');
    expect(within(rows[1]!).queryByText('This device')).toBeNull();

    await user.click(
      within(section).getByRole('button', { name: /^Sign out Firefox on Windows, last used / }),
    );

    expect(await screen.findByText('Signed out Firefox on Windows')).toBeVisible();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(1));
    expect(api.callsTo(`DELETE /api/me/sessions/${OTHER_DEVICE.id}`)).toHaveLength(1);
    expect(location()).toBe('/app/account');
  });

  it('logs this browser out when its own session is signed out', async () => {
    const { signOut } = signedInAs(aSession(), {
      [`DELETE /api/me/sessions/${THIS_DEVICE.id}`]: () => {
        signOut();
        return noContent();
      },
    });
    const { user, location, queryClient } = renderApp('/app/account');

    await user.click(
      await screen.findByRole('button', { name: 'Sign out this device (Chrome on Linux)' }),
    );

    await waitFor(() => expect(location()).toBe('/'));
    expect(queryClient.getQueryData(['auth', 'me'])).toBeNull();
  });

  it('offers to retry when the sessions cannot be loaded', async () => {
    let fail = true;
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession()),
      'GET /api/me/sessions': () =>
        fail ? apiError(429, 'RATE_LIMITED', 'Too many requests') : json(200, [THIS_DEVICE]),
    });
    const { user } = renderApp('/app/account');

    expect(await screen.findByText("We couldn't load where you're signed in")).toBeVisible();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('button', { name: 'Sign out this device (Chrome on Linux)' }),
    ).toBeVisible();
  });

  it('lists the bookings that stop a photographer deleting the account (409)', async () => {
    const { api } = signedInAs(aSession({ role: 'photographer' }), {
      'DELETE /api/me': () =>
        apiError(409, 'ACCOUNT_HAS_BOOKINGS', 'Clients are booked with you', {
          details: {
            bookings: [
              {
                id: 'c0ffee00-0000-4000-8000-000000000001',
                startsAt: '2030-03-10T09:00:00.000Z',
                clientName: 'Grace Hopper',
                status: 'confirmed',
              },
              {
                id: 'c0ffee00-0000-4000-8000-000000000002',
                startsAt: '2030-04-02T14:30:00.000Z',
                clientName: 'Katherine Johnson',
                status: 'confirmed',
              },
            ],
          },
        }),
    });
    const { user, location } = renderApp('/app/account');

    await user.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' });
    // Nothing is sent without the password.
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));
    expect(await within(dialog).findByText('Enter your password')).toBeVisible();
    expect(api.callsTo('DELETE /api/me')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Your password'), 'my real password');
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Clients are booked with you');
    const bookings = within(alert).getAllByRole('link');
    expect(bookings.map((link) => link.textContent)).toEqual([
      expect.stringMatching(/ with Grace Hopper$/),
      expect.stringMatching(/ with Katherine Johnson$/),
    ]);
    expect(bookings[0]).toHaveAttribute(
      'href',
      '/app/bookings/c0ffee00-0000-4000-8000-000000000001',
    );
    expect(within(alert).getAllByRole('time')[0]).toHaveAttribute(
      'datetime',
      '2030-03-10T09:00:00.000Z',
    );
    expect(location()).toBe('/app/account');
  });

  it('deletes the account with the password and leaves for the landing page', async () => {
    const { api, signOut } = signedInAs(aSession({ role: 'client' }), {
      'DELETE /api/me': () => {
        signOut();
        return json(200, {
          deleted: true,
          cancelledBookings: [{ id: 'b-1', refundCents: 4_470, currency: 'eur' }],
        });
      },
    });
    const { user, location, queryClient } = renderApp('/app/account');

    const danger = await screen.findByRole('region', { name: 'Delete your account' });
    expect(danger).toHaveTextContent('refunded under its cancellation policy');
    expect(danger).toHaveTextContent('“Former client”');
    await user.click(within(danger).getByRole('button', { name: 'Delete my account…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' });
    await user.type(within(dialog).getByLabelText('Your password'), 'my real password');
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));

    expect(await screen.findByText('Your account was deleted')).toBeVisible();
    expect(
      screen.getByText('1 booking was cancelled; refunds on their way: €44.70.'),
    ).toBeVisible();
    await waitFor(() => expect(location()).toBe('/'));
    expect(
      await screen.findByRole('heading', { level: 1, name: /AI draft headshot/ }),
    ).toBeVisible();
    expect(api.callsTo('DELETE /api/me')[0]?.body).toEqual({ password: 'my real password' });
    expect(queryClient.getQueryData(['auth', 'me'])).toBeNull();
  });

  it('keeps the dialog open and asks again for a wrong password', async () => {
    signedInAs(aSession(), {
      'DELETE /api/me': () => apiError(400, 'PASSWORD_INCORRECT', 'Password is incorrect'),
    });
    const { user } = renderApp('/app/account');

    await user.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' });
    await user.type(within(dialog).getByLabelText('Your password'), 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));

    await waitFor(() =>
      expect(within(dialog).getByLabelText('Your password')).toHaveAccessibleDescription(
        expect.stringContaining("That isn't your current password"),
      ),
    );
  });
});

describe('Unconfirmed email address', () => {
  it('shows a banner in the app that sends the link again', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () =>
        json(200, aSession({ email: 'ada@example.com', emailVerified: false })),
      'POST /api/me/verification-email': () => new Response(null, { status: 202 }),
    });
    const { user } = renderApp('/app');

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Confirm your email address to book sessions.');
    expect(banner).toHaveTextContent('We sent a link to ada@example.com.');
    await user.click(within(banner).getByRole('button', { name: 'Send it again' }));

    expect(await screen.findByText('We sent a new link to ada@example.com.')).toBeVisible();
    expect(api.callsTo('POST /api/me/verification-email')).toHaveLength(1);
  });

  it('marks the address as not confirmed on the account page', async () => {
    signedInAs(aSession({ email: 'ada@example.com', emailVerified: false }));
    renderApp('/app/account');

    const email = await screen.findByRole('region', { name: 'Email address' });
    expect(within(email).getByText('Not confirmed')).toBeVisible();
    expect(within(email).getByRole('button', { name: 'Send the link again' })).toBeEnabled();
  });
});
