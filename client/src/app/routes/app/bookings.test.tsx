import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  aBooking,
  aBrief,
  aCancellationPreview,
  DRAFT_ID,
  someSlots,
} from '@/testing/booking-factories';
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

  it('opens the move on the booking’s own month and day, not on today', async () => {
    const startsAt = new Date(Date.now() + 45 * 86_400_000);
    startsAt.setUTCHours(12, 0, 0, 0);
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(12, 0, 0, 0);
    const booking = aBooking({
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    });
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      'GET /api/bookings': () => page([booking]),
      // Free times tomorrow too: the picker used to open on those.
      [`GET /api/bookings/${booking.id}/reschedule-slots`]: () =>
        json(200, someSlots([tomorrow.toISOString(), booking.startsAt])),
    });
    const { user } = renderApp('/app/bookings');

    await user.click(await screen.findByRole('button', { name: 'Reschedule' }, { timeout: 5_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Move this booking' });
    // The booking's own day is chosen, with its free times (not "No free times" this month).
    const day = startsAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' });
    expect(
      await within(dialog).findByRole('region', { name: new RegExp(`Free times on .*${day}`) }),
    ).toBeVisible();
  });

  it('says why a booking can no longer be moved inside the cut-off', async () => {
    const startsAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const booking = aBooking({ startsAt, allowedActions: ['cancel'] });
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      'GET /api/bookings': () => page([booking]),
    });
    renderApp('/app/bookings');

    expect(
      await screen.findByText(/It can no longer be moved: the photographer.s policy allows moving/),
    ).toHaveTextContent(`until ${booking.policy.rescheduleCutoffHours} hours before it starts`);
    expect(screen.queryByRole('button', { name: 'Reschedule' })).not.toBeInTheDocument();
  });

  it('offers a time overlapping the booking’s own when moving it, and moves it there', async () => {
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const startsAt = `${day}T09:00:00.000Z`;
    const later = `${day}T09:30:00.000Z`;
    const booking = aBooking({ startsAt, endsAt: `${day}T10:00:00.000Z` });
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      'GET /api/bookings': () => page([booking]),
      [`GET /api/bookings/${booking.id}/reschedule-slots`]: () =>
        json(200, someSlots([startsAt, later])),
      [`POST /api/bookings/${booking.id}/reschedule`]: () =>
        json(200, { ...booking, status: 'rescheduled', startsAt: later }),
    });
    const { user } = renderApp('/app/bookings');

    await user.click(await screen.findByRole('button', { name: 'Reschedule' }, { timeout: 5_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Move this booking' });
    const slot = await waitFor(() => {
      const found = dialog.querySelector(`[data-starts-at="${later}"]`);
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    await user.click(slot);
    await user.click(within(dialog).getByRole('button', { name: 'Move to this time' }));
    await waitFor(() =>
      expect(api.callsTo(`POST /api/bookings/${booking.id}/reschedule`)).toHaveLength(1),
    );
    expect(api.callsTo(`POST /api/bookings/${booking.id}/reschedule`)[0]!.body).toEqual({
      startsAt: later,
    });
    expect(api.callsTo(`GET /api/photographers/${booking.photographer.id}/slots`)).toHaveLength(0);
  });

  it('asks a photographer before declining a request, with a note the client will read', async () => {
    const booking = aBooking({
      status: 'requested',
      allowedActions: ['approve', 'decline', 'cancel'],
    });
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
      'GET /api/bookings': () => page([booking]),
      [`POST /api/bookings/${booking.id}/decline`]: () =>
        json(200, { ...booking, status: 'declined', allowedActions: [] }),
    });
    const { user } = renderApp('/app/bookings');

    const list = await screen.findByRole(
      'list',
      { name: 'Requests waiting for you' },
      { timeout: 5_000 },
    );
    // A request is answered with Approve or Decline: no "Cancel booking" beside them.
    expect(within(list).getByRole('button', { name: 'Approve' })).toBeVisible();
    expect(within(list).queryByRole('button', { name: 'Cancel booking' })).not.toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Decline' }));

    const dialog = await screen.findByRole('dialog', { name: 'Decline this request?' });
    expect(api.callsTo(`POST /api/bookings/${booking.id}/decline`)).toHaveLength(0);
    await user.type(within(dialog).getByLabelText(/A note for/), 'Away that week, sorry.');
    await user.click(within(dialog).getByRole('button', { name: 'Decline the request' }));
    await waitFor(() =>
      expect(api.callsTo(`POST /api/bookings/${booking.id}/decline`)).toHaveLength(1),
    );
    expect(api.callsTo(`POST /api/bookings/${booking.id}/decline`)[0]?.body).toEqual({
      reason: 'Away that week, sorry.',
    });
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

describe('a booking made from an AI draft', () => {
  const withBrief = (overrides: Parameters<typeof aBrief>[0] = {}) =>
    aBooking({
      draftId: DRAFT_ID,
      notes: 'Navy blazer, no glasses',
      brief: aBrief(overrides),
      price: {
        ...aBooking().price,
        totalCents: 14_000,
        depositCents: 4_200,
        balanceCents: 9_800,
        draftCredit: { draftId: DRAFT_ID, amountCents: 900 },
      },
    });
  const detail = (role: 'client' | 'photographer', booking: ReturnType<typeof aBooking>) => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role })),
      [`GET /api/bookings/${booking.id}`]: () => json(200, booking),
      [`GET /api/bookings/${booking.id}/events`]: () => json(200, []),
    });
    return renderApp(`/app/bookings/${booking.id}`);
  };

  it("shows the photographer the client's brief with the draft preview", async () => {
    const booking = withBrief();
    detail('photographer', booking);

    const brief = await screen.findByRole(
      'region',
      { name: "Brief from the client's AI draft" },
      { timeout: 5_000 },
    );
    expect(within(brief).getByRole('img', { name: "The client's AI draft" })).toHaveAttribute(
      'src',
      `/api/bookings/${booking.id}/brief/preview`,
    );
    expect(within(brief).getByText('AI draft')).toBeVisible();
    expect(within(brief).getByText('Company website / team page')).toBeVisible();
    expect(within(brief).getByText('Professional, adjusted')).toBeVisible();
    expect(within(brief).getByText('Gradient', { exact: false })).toHaveTextContent('#5b6770');
    expect(within(brief).getByText('Portrait (4:5)')).toBeVisible();
    expect(
      within(brief).getByText('Slightly warm colour, normal brightness, slightly softer contrast'),
    ).toBeVisible();
    expect(within(brief).getByText('Moderate, skin texture kept')).toBeVisible();
    const findings = within(brief).getByRole('list', { name: 'Quality check findings' });
    expect(findings).toHaveTextContent('Worth a look Head turn: turned 18° to the left');
    expect(findings).toHaveTextContent('Fix: Face the camera squarely; the AI cannot turn a head.');
    expect(within(brief).getByText('Navy blazer, no glasses')).toBeVisible();
  });

  it('keeps the written brief when the client deleted the draft, and shows the credit', async () => {
    const booking = withBrief({ previewUrl: null });
    detail('client', booking);

    const brief = await screen.findByRole(
      'region',
      { name: 'What your photographer sees' },
      { timeout: 5_000 },
    );
    expect(
      within(brief).getByText('The client deleted the draft; the written brief remains.'),
    ).toBeVisible();
    expect(within(brief).queryByRole('img')).toBeNull();
    expect(within(brief).getByText('Portrait (4:5)')).toBeVisible();

    const credit = screen.getByText('AI draft credit');
    expect(credit.nextElementSibling).toHaveTextContent('−€9.00');
    expect(screen.getByText('Total').nextElementSibling).toHaveTextContent('€140.00');
  });

  it('shows no brief on a booking made without a draft', async () => {
    const booking = aBooking();
    detail('photographer', booking);

    await screen.findByRole('heading', { name: 'Details' }, { timeout: 5_000 });
    expect(screen.queryByRole('region', { name: /AI draft/ })).toBeNull();
    expect(screen.queryByText('AI draft credit')).toBeNull();
  });
});
