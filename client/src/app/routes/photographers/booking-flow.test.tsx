import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  aBooking,
  aPhotographer,
  PACKAGE_ID,
  PHOTOGRAPHER_ID,
  someSlots,
} from '@/testing/booking-factories';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

// Far enough ahead that the picker's month and the hold countdown never depend on today.
const TAKEN = '2030-03-11T09:00:00.000Z';
const FREE = '2030-03-11T10:00:00.000Z';
const PROFILE_URL = `/photographers/${PHOTOGRAPHER_ID}?package=${PACKAGE_ID}&start=${encodeURIComponent(TAKEN)}`;
const SLOTS = `GET /api/photographers/${PHOTOGRAPHER_ID}/slots`;

describe('booking a photographer', () => {
  it('explains a SLOT_TAKEN answer and shows the refreshed free times without the lost one', async () => {
    let taken = false;
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots(taken ? [FREE] : [TAKEN, FREE])),
      'POST /api/bookings': () => {
        taken = true;
        return apiError(409, 'SLOT_TAKEN', 'That time was just booked by someone else.');
      },
    });
    const { user } = renderApp(PROFILE_URL);

    await user.type(await screen.findByLabelText(/Notes for the photographer/), 'LinkedIn');
    await user.click(screen.getByRole('button', { name: 'Hold this time' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone just booked that time');
    expect(api.callsTo('POST /api/bookings')[0]!.body).toEqual({
      packageId: PACKAGE_ID,
      startsAt: TAKEN,
      // The browser's zone, so the client's emails show their own times.
      clientTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      notes: 'LinkedIn',
    });
    // The free times were asked for again, and the lost time is gone from the list.
    await screen.findByText('Pick a free time above to continue.');
    const day = await screen.findByRole('region', { name: /^Free times on/ });
    // Named by the studio's clock, so the test holds in any viewer zone (Berlin is UTC+1 then).
    await within(day).findByRole('button', { name: /11:00 in Europe\/Berlin$/ });
    expect(within(day).queryByRole('button', { name: /10:00 in Europe\/Berlin$/ })).toBeNull();
    expect(api.callsTo(SLOTS).length).toBeGreaterThanOrEqual(2);
  });

  it('holds the time, counts down and confirms with payment at the studio', async () => {
    const held = aBooking({
      status: 'held',
      startsAt: TAKEN,
      endsAt: '2030-03-11T09:45:00.000Z',
      holdExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      allowedActions: ['confirm', 'cancel'],
      payment: { ...aBooking().payment, status: 'not_started', label: 'Nothing to pay yet' },
    });
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'POST /api/bookings': () => json(201, held),
      [`POST /api/bookings/${held.id}/confirm`]: () =>
        json(200, { ...held, status: 'confirmed', holdExpiresAt: null }),
    });
    const { user } = renderApp(PROFILE_URL);

    await user.click(await screen.findByRole('button', { name: 'Hold this time' }));
    expect(await screen.findByRole('timer')).toHaveTextContent(/^1[45]:\d\d$/);
    expect(screen.getByText('Pay at the studio — nothing is charged online')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByText("You're booked with Jonas Weber Studio")).toBeVisible();
    expect(api.callsTo(`POST /api/bookings/${held.id}/confirm`)).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'See it in My bookings' })).toHaveAttribute(
      'href',
      `/app/bookings/${held.id}`,
    );
  });

  it('sends a signed-out visitor to log in and back to the same package and time', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
    });
    const { user, location } = renderApp(PROFILE_URL);

    await user.click(await screen.findByRole('link', { name: 'Log in to book' }));
    await waitFor(() => expect(location()).toMatch(/^\/login\?/));
    const next = new URLSearchParams(location()!.split('?')[1]).get('next');
    const back = new URL(next!, 'http://x');
    expect(back.pathname).toBe(`/photographers/${PHOTOGRAPHER_ID}`);
    expect(back.searchParams.get('package')).toBe(PACKAGE_ID);
    expect(back.searchParams.get('start')).toBe(TAKEN);
  });
});
