import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aBooking, aCancellationPreview } from '@/testing/booking-factories';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const page = (items: unknown[]) =>
  json(200, { items, page: 1, pageSize: 100, total: items.length });

describe('My bookings', () => {
  it('shows what a cancellation would refund before anything is cancelled', async () => {
    const booking = aBooking({
      payment: { ...aBooking().payment, amountPaidCents: 5_000 },
    });
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      'GET /api/bookings': () => page([booking]),
      [`GET /api/bookings/${booking.id}/cancellation-preview`]: () =>
        json(200, aCancellationPreview({ refundCents: 2_500, refundPercent: 50 })),
      [`POST /api/bookings/${booking.id}/cancel`]: () =>
        json(200, { ...booking, status: 'cancelled_by_client', allowedActions: [] }),
    });
    const { user } = renderApp('/app/bookings');

    // The first visit loads the app area and the bookings page as chunks: give them time.
    const upcoming = await screen.findByRole(
      'list',
      { name: 'Upcoming bookings' },
      { timeout: 5_000 },
    );
    expect(within(upcoming).getByText('Confirmed')).toBeVisible();
    await user.click(within(upcoming).getByRole('button', { name: 'Cancel booking' }));

    const dialog = await screen.findByRole('dialog', { name: 'Cancel this booking?' });
    expect(await within(dialog).findByText(/You get back/)).toHaveTextContent(
      'You get back €25.00 (50 % of €50.00 paid)',
    );
    expect(within(dialog).getByText(/at least 48 hours before: 50 % back/)).toBeVisible();
    expect(api.callsTo(`POST /api/bookings/${booking.id}/cancel`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel the booking' }));
    await waitFor(() =>
      expect(api.callsTo(`POST /api/bookings/${booking.id}/cancel`)).toHaveLength(1),
    );
  });

  it('does not offer to cancel when the server says it is too late', async () => {
    const booking = aBooking();
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      'GET /api/bookings': () => page([booking]),
      [`GET /api/bookings/${booking.id}/cancellation-preview`]: () =>
        json(200, aCancellationPreview({ allowed: false, reason: 'BOOKING_ALREADY_STARTED' })),
    });
    const { user } = renderApp('/app/bookings');

    await user.click(await screen.findByRole('button', { name: 'Cancel booking' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this booking?' });
    expect(await within(dialog).findByText(/already started/)).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Cancel the booking' })).toBeDisabled();
  });
});
