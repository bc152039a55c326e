import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  aBooking,
  aDraftCredit,
  aPackage,
  aPhotographer,
  DRAFT_ID,
  PACKAGE_ID,
  PHOTOGRAPHER_ID,
  someSlots,
  VARIANT_ID,
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

  it('asks an unconfirmed client to confirm their address (403 EMAIL_NOT_VERIFIED), and resends the link', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () =>
        json(200, aSession({ role: 'client', email: 'ada@example.com', emailVerified: false })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'POST /api/bookings': () =>
        apiError(403, 'EMAIL_NOT_VERIFIED', 'Confirm your email address first.'),
      'POST /api/me/verification-email': () => new Response(null, { status: 202 }),
    });
    const { user } = renderApp(PROFILE_URL);

    // Said up front, before the client fills anything in.
    expect(await screen.findByRole('alert')).toHaveTextContent('Confirm your email address first');
    await user.click(screen.getByRole('button', { name: 'Hold this time' }));
    await waitFor(() => expect(api.callsTo('POST /api/bookings')).toHaveLength(1));

    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent('Follow the link we sent to ada@example.com');
    await user.click(within(alerts[0]!).getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByText('We sent a new link to ada@example.com.')).toBeVisible();
    expect(api.callsTo('POST /api/me/verification-email')).toHaveLength(1);
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

const PORTRAIT_ID = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const twoPackages = () =>
  aPhotographer({
    packages: [
      aPackage(),
      aPackage({ id: PORTRAIT_ID, name: 'Team portrait', priceCents: 24_900, depositCents: 7_470 }),
    ],
  });
const fromComparison = (slot: string, packageId = PORTRAIT_ID) =>
  `/photographers/${PHOTOGRAPHER_ID}?${new URLSearchParams({
    package: packageId,
    slot,
    draftId: DRAFT_ID,
    variantId: VARIANT_ID,
    useCase: 'website',
  }).toString()}`;

describe('booking from the comparison with an AI draft', () => {
  it('preselects the package and time and sends the draft as the brief', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, twoPackages()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'GET /api/draft-credits': () => json(200, []),
      'POST /api/bookings': () => json(201, aBooking({ status: 'held' })),
    });
    const { user } = renderApp(fromComparison(FREE));

    const brief = await screen.findByRole('region', { name: 'Your brief' });
    expect(screen.getByRole('radio', { name: /Team portrait/ })).toBeChecked();
    expect(screen.getByRole('button', { name: /11:00 in Europe\/Berlin$/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(brief).getByRole('img', { name: 'Your AI draft' })).toHaveAttribute(
      'src',
      `/api/drafts/${DRAFT_ID}/variants/${VARIANT_ID}/image?size=preview`,
    );
    expect(brief).toHaveTextContent(
      'The photographer will see this look (style, backdrop colour, crop, ambience), your notes and the quality check',
    );
    expect(brief).toHaveTextContent('If you delete the draft, they keep only the text.');
    expect(brief).toHaveTextContent('Company website / team page');

    await user.type(screen.getByLabelText(/Notes for the photographer/), 'Navy blazer');
    await user.click(screen.getByRole('button', { name: 'Hold this time' }));

    await waitFor(() => expect(api.callsTo('POST /api/bookings')).toHaveLength(1));
    expect(api.callsTo('POST /api/bookings')[0]!.body).toEqual({
      packageId: PORTRAIT_ID,
      startsAt: FREE,
      clientTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      notes: 'Navy blazer',
      draftId: DRAFT_ID,
      draftVariantId: VARIANT_ID,
      useCase: 'website',
    });
  });

  it('leaves the draft off when the client says so', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, twoPackages()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'POST /api/bookings': () => json(201, aBooking({ status: 'held' })),
    });
    const { user } = renderApp(fromComparison(FREE));

    await user.click(await screen.findByRole('checkbox', { name: "Don't attach the draft" }));
    expect(screen.getByRole('region', { name: 'Your brief' })).toHaveTextContent(
      'The draft is not attached',
    );
    await user.click(screen.getByRole('button', { name: 'Hold this time' }));

    await waitFor(() => expect(api.callsTo('POST /api/bookings')).toHaveLength(1));
    const body = api.callsTo('POST /api/bookings')[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('draftId');
    expect(body).not.toHaveProperty('draftVariantId');
  });

  it('says so gently when the time from the comparison was just taken', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, twoPackages()),
      [SLOTS]: () => json(200, someSlots([FREE])),
    });
    renderApp(fromComparison(TAKEN));

    expect(await screen.findByText('That time was just taken')).toBeVisible();
    expect(await screen.findByText('Pick a free time above to continue.')).toBeVisible();
    const day = await screen.findByRole('region', { name: /^Free times on/ });
    expect(within(day).getByRole('button', { name: /11:00 in Europe\/Berlin$/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('keeps the draft and the time through logging in', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, twoPackages()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
    });
    const { user, location } = renderApp(fromComparison(FREE));

    await user.click(await screen.findByRole('link', { name: 'Log in to book' }));
    await waitFor(() => expect(location()).toMatch(/^\/login\?/));
    const next = new URLSearchParams(location()!.split('?')[1]).get('next');
    const back = new URL(next!, 'http://x').searchParams;
    expect(Object.fromEntries(back)).toEqual({
      package: PORTRAIT_ID,
      start: FREE,
      draftId: DRAFT_ID,
      variantId: VARIANT_ID,
      useCase: 'website',
    });
  });
});

describe('the AI draft credit at checkout', () => {
  it('is applied by default, takes the credit off the total and is sent with the booking', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'GET /api/draft-credits': () => json(200, [aDraftCredit()]),
      'POST /api/bookings': () => json(201, aBooking({ status: 'held' })),
    });
    const { user } = renderApp(PROFILE_URL);

    const credit = await screen.findByRole('checkbox', {
      name: /^Apply your €9.00 AI draft credit \(valid until .*2 April 2030\)$/,
    });
    expect(credit).toBeChecked();
    const price = () => screen.getByText('Price').nextElementSibling;
    expect(price()).toHaveTextContent('€140');
    expect(screen.getByText('AI draft credit −€9.00')).toBeVisible();
    // 30 % of the reduced total of €140.
    expect(screen.getByText('Deposit').nextElementSibling).toHaveTextContent('€42.00');

    await user.click(credit);
    expect(price()).toHaveTextContent('€149');
    expect(screen.queryByText('AI draft credit −€9.00')).toBeNull();
    await user.click(credit);
    await user.click(screen.getByRole('button', { name: 'Hold this time' }));

    await waitFor(() => expect(api.callsTo('POST /api/bookings')).toHaveLength(1));
    expect(api.callsTo('POST /api/bookings')[0]!.body).toMatchObject({ creditDraftId: DRAFT_ID });
  });

  it('explains a credit that was already used and lets the client book without it', async () => {
    let attempts = 0;
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'GET /api/draft-credits': () => json(200, [aDraftCredit()]),
      'POST /api/bookings': () =>
        ++attempts === 1
          ? apiError(409, 'CREDIT_ALREADY_USED', 'This credit was used for another booking.')
          : json(201, aBooking({ status: 'held' })),
    });
    const { user } = renderApp(PROFILE_URL);

    await screen.findByRole('checkbox', { name: /Apply your €9.00 AI draft credit/ });
    await user.click(screen.getByRole('button', { name: 'Hold this time' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your AI draft credit was already used',
    );
    expect(screen.queryByRole('checkbox', { name: /AI draft credit/ })).toBeNull();
    expect(screen.getByText('Price').nextElementSibling).toHaveTextContent('€149');

    await user.click(screen.getByRole('button', { name: 'Hold this time' }));
    await waitFor(() => expect(api.callsTo('POST /api/bookings')).toHaveLength(2));
    expect(api.callsTo('POST /api/bookings')[1]!.body).not.toHaveProperty('creditDraftId');
  });

  it('offers no credit in another currency', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'GET /api/draft-credits': () => json(200, [aDraftCredit({ currency: 'CHF' })]),
    });
    renderApp(PROFILE_URL);

    expect(await screen.findByRole('button', { name: 'Hold this time' })).toBeVisible();
    expect(screen.queryByRole('checkbox', { name: /AI draft credit/ })).toBeNull();
  });

  it('stays quiet when the credits cannot be read', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, aPhotographer()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'GET /api/draft-credits': signedOut,
    });
    renderApp(PROFILE_URL);

    expect(await screen.findByRole('button', { name: 'Hold this time' })).toBeVisible();
    expect(screen.queryByRole('checkbox', { name: /AI draft credit/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a draft deleted before the booking is made', () => {
  it('says so and books without it on the next try', async () => {
    let attempts = 0;
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      [`GET /api/photographers/${PHOTOGRAPHER_ID}`]: () => json(200, twoPackages()),
      [SLOTS]: () => json(200, someSlots([TAKEN, FREE])),
      'POST /api/bookings': () =>
        ++attempts === 1
          ? apiError(404, 'DRAFT_NOT_FOUND', 'No such draft.')
          : json(201, aBooking({ status: 'held' })),
    });
    const { user } = renderApp(fromComparison(FREE));

    await user.click(await screen.findByRole('button', { name: 'Hold this time' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your AI draft is no longer there');
    expect(screen.queryByRole('region', { name: 'Your brief' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Hold this time' }));
    await waitFor(() => expect(api.callsTo('POST /api/bookings')).toHaveLength(2));
    expect(api.callsTo('POST /api/bookings')[1]!.body).not.toHaveProperty('draftId');
  });
});
