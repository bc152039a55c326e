import { screen, waitFor, within } from '@testing-library/react';
import { aPhotographer } from '@/testing/booking-factories';
import { describe, expect, it, vi } from 'vitest';
import { signedOut, fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const emptyPage = () => json(200, { items: [], page: 1, pageSize: 12, total: 0 });

describe('directory price filter', () => {
  it('reads a German visitor’s "79,50" as 79.50 and shows it back the same way', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const api = fakeApi({ 'GET /api/auth/me': signedOut, 'GET /api/photographers': emptyPage });
    const { user, location } = renderApp('/photographers');

    const price = await screen.findByLabelText('Max price');
    await user.type(price, '79,50{Enter}');
    await waitFor(() => expect(location()).toContain('maxPriceCents=7950'));
    expect(api.callsTo('GET /api/photographers').at(-1)!.query.get('maxPriceCents')).toBe('7950');
    expect(price).toHaveValue('79,50');
  });

  it('says why an amount does not read and keeps the list as it was', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    fakeApi({ 'GET /api/auth/me': signedOut, 'GET /api/photographers': emptyPage });
    const { user, location } = renderApp('/photographers');

    const price = await screen.findByLabelText('Max price');
    await user.type(price, '1,500{Enter}');
    expect(
      await screen.findByText('“1,500” could be 1,5 or 1500 — write 1500 or 1,50'),
    ).toBeVisible();
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(location()).not.toContain('maxPriceCents');
  });

  it('shows a price limit from the link in the visitor’s way of writing numbers', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    fakeApi({ 'GET /api/auth/me': signedOut, 'GET /api/photographers': emptyPage });
    renderApp('/photographers?maxPriceCents=12050');
    expect(await screen.findByLabelText('Max price')).toHaveValue('120,50');
  });
});

describe('directory city filter', () => {
  it('filters by the city as soon as the visitor stops typing (no Enter needed)', async () => {
    const api = fakeApi({ 'GET /api/auth/me': signedOut, 'GET /api/photographers': emptyPage });
    const { user, location } = renderApp('/photographers');

    await user.type(await screen.findByLabelText('City'), 'Berlin');
    await waitFor(() => expect(location()).toContain('city=Berlin'));
    // One request for the whole word, not one per letter.
    const cities = () => api.callsTo('GET /api/photographers').map((c) => c.query.get('city'));
    await waitFor(() => expect(cities().filter((city) => city !== null)).toEqual(['Berlin']));
  });
});

describe('photographer profile reviews', () => {
  it('shows what clients wrote, with the rating in words for screen readers', async () => {
    const photographer = aPhotographer({ rating: { average: 4.5, count: 2 } });
    fakeApi({
      'GET /api/auth/me': signedOut,
      [`GET /api/photographers/${photographer.id}`]: () => json(200, photographer),
      [`GET /api/photographers/${photographer.id}/reviews`]: () =>
        json(200, [
          {
            id: 'r1',
            bookingId: '',
            rating: 5,
            text: 'Relaxed session, great light.',
            clientName: 'Ada L.',
            reply: 'Thank you, Ada!',
            repliedAt: '2030-05-02T10:00:00.000Z',
            createdAt: '2030-05-01T10:00:00.000Z',
          },
          {
            id: 'r2',
            bookingId: '',
            rating: 4,
            text: 'Good photos, a day late.',
            clientName: 'Grace H.',
            reply: null,
            repliedAt: null,
            createdAt: '2030-04-01T10:00:00.000Z',
          },
        ]),
    });
    renderApp(`/photographers/${photographer.id}`);

    const section = await screen.findByRole('region', { name: 'What clients say' });
    expect(await within(section).findByText('Relaxed session, great light.')).toBeVisible();
    expect(within(section).getByText('Good photos, a day late.')).toBeVisible();
    expect(within(section).getByText('5 out of 5 stars')).toBeInTheDocument();
    expect(within(section).getByText(/Thank you, Ada!/)).toBeVisible();
    expect(screen.getByText('Rated 4.5 out of 5 by 2 clients')).toBeInTheDocument();
  });
});
