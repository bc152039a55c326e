import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aBooking } from '@/testing/booking-factories';
import { aCalendarConflict } from '@/testing/calendar-factories';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { clashWhen } from '@/features/bookings/components/calendar-clash';

const page = (items: unknown[]) =>
  json(200, { items, page: 1, pageSize: 100, total: items.length });

// 10:00–10:45 in Berlin; the other one the day after.
const clashing = aBooking();
const free = aBooking({
  id: 'b8d2f3e4-1a5c-4d6e-9f70-8b9c0d1e2f3a',
  startsAt: '2030-03-11T09:00:00.000Z',
  endsAt: '2030-03-11T09:45:00.000Z',
  client: { id: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e', name: 'Grace Hopper' },
});

describe('bookings that clash with the photographer’s own calendars', () => {
  it('marks each clashing booking and counts them at the top', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
      'GET /api/bookings': () => page([clashing, free]),
      'GET /api/photographers/me/calendar-conflicts': () =>
        json(200, {
          bookings: [
            {
              bookingId: clashing.id,
              events: [aCalendarConflict(), aCalendarConflict({ summary: null })],
            },
          ],
        }),
    });
    renderApp('/app/bookings');

    const upcoming = await screen.findByRole(
      'list',
      { name: 'Upcoming bookings' },
      { timeout: 5_000 },
    );
    const item = (client: string) =>
      within(upcoming)
        .getByRole('link', { name: new RegExp(client) })
        .closest('li')!;
    const clashes = await within(item('Ada Lovelace')).findByRole('list', {
      name: 'Clashes with your calendars',
    });
    expect(
      within(clashes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Clashes with “School play” in Lena private, 09:30–11:00',
      'Clashes with an event in Lena private, 09:30–11:00',
    ]);
    expect(
      within(item('Grace Hopper')).queryByRole('list', { name: 'Clashes with your calendars' }),
    ).toBeNull();
    expect(
      screen.getByText('1 upcoming booking clashes with an event in your own calendars'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Your calendars' })).toHaveAttribute(
      'href',
      '/app/studio/calendar',
    );
  });

  it('shows nothing to a client, and does not ask', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      'GET /api/bookings': () => page([clashing]),
    });
    renderApp('/app/bookings');

    await screen.findByRole('list', { name: 'Upcoming bookings' }, { timeout: 5_000 });
    expect(screen.queryByText(/clash/)).toBeNull();
    expect(api.callsTo('GET /api/photographers/me/calendar-conflicts')).toHaveLength(0);
  });
  it('shows the clash on the booking’s own page too', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
      [`GET /api/bookings/${clashing.id}`]: () => json(200, clashing),
      [`GET /api/bookings/${clashing.id}/events`]: () => json(200, []),
      'GET /api/photographers/me/calendar-conflicts': () =>
        json(200, { bookings: [{ bookingId: clashing.id, events: [aCalendarConflict()] }] }),
    });
    renderApp(`/app/bookings/${clashing.id}`);

    expect(
      await screen.findByText(
        'Clashes with “School play” in Lena private, 09:30–11:00',
        {},
        { timeout: 5_000 },
      ),
    ).toBeVisible();
  });
});

describe(clashWhen.name, () => {
  const booking = { startsAt: '2030-03-10T09:00:00.000Z', timeZone: 'Europe/Berlin' };
  it.each([
    ['the booking’s day', '2030-03-10T15:30:00Z', '2030-03-10T17:00:00Z', '16:30–18:00'],
    ['another day', '2030-03-09T15:30:00Z', '2030-03-09T17:00:00Z', 'Sat 9 Mar, 16:30–18:00'],
    ['a whole day', '2030-03-09T23:00:00Z', '2030-03-10T23:00:00Z', 'all day Sun 10 Mar'],
    ['whole days', '2030-03-09T23:00:00Z', '2030-03-11T23:00:00Z', 'Sun 10 Mar – Mon 11 Mar'],
    [
      'over midnight',
      '2030-03-09T22:00:00Z',
      '2030-03-10T10:00:00Z',
      'Sat 9 Mar, 23:00 – Sun 10 Mar, 11:00',
    ],
    ['up to midnight', '2030-03-10T21:00:00Z', '2030-03-10T23:00:00Z', '22:00–00:00'],
  ])('%s', (_, from, until, expected) => {
    expect(clashWhen({ from, until }, booking)).toBe(expected);
  });
});
