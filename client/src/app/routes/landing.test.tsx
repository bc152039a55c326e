import { formatPrice } from '@shared/money';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aComparison, aSampleAiOption, aStudioOption } from '@/testing/compare-factories';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json, signedOut } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

describe('Landing page', () => {
  it('invites a visitor to sign up or log in', () => {
    fakeApi({ 'GET /api/auth/me': signedOut });
    renderApp('/');

    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'An AI draft headshot in seconds, a studio photographer for the official one.',
      }),
    ).toBeVisible();
    expect(screen.getAllByRole('link', { name: 'Sign up' })[0]).toHaveAttribute('href', '/signup');
    expect(screen.getAllByRole('link', { name: 'Log in' })[0]).toHaveAttribute('href', '/login');
    expect(screen.queryByRole('link', { name: 'Go to your home' })).not.toBeInTheDocument();
  });

  it('offers a signed-in person the way to their home instead', async () => {
    fakeApi({ 'GET /api/auth/me': () => json(200, aSession()) });
    renderApp('/');

    expect((await screen.findAllByRole('link', { name: 'Go to your home' }))[0]).toHaveAttribute(
      'href',
      '/app',
    );
    expect(screen.queryByRole('link', { name: 'Log in' })).not.toBeInTheDocument();
  });
});

describe('Landing page: AI draft or studio session', () => {
  const studio = (n: number, name: string, payableCents: number) =>
    aStudioOption({
      photographer: { ...aStudioOption().photographer, id: `p-${n}`, displayName: name },
      package: { ...aStudioOption().package, id: `pkg-${n}` },
      payableCents,
    });

  it('explains the choice and shows a live sample with the top two studio options', async () => {
    const api = fakeApi({
      'GET /api/auth/me': signedOut,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            useCase: 'profile',
            useCaseLabel: 'Profile / LinkedIn refresh',
            ai: aSampleAiOption(),
            area: {
              basis: 'timeZone',
              viewerTimeZone: 'Europe/Berlin',
              cities: ['Berlin'],
              widened: false,
              summary: 'Showing studios near Berlin (your time zone).',
            },
            studios: [
              studio(1, 'Lena Vogel', 14900),
              studio(2, 'Studio Nord', 18000),
              studio(3, 'Third Studio', 25000),
            ],
            recommendation: {
              choice: 'ai',
              headline: 'An AI draft is enough for a profile picture',
              reasons: ['It is ready in seconds'],
            },
          }),
        ),
    });
    renderApp('/');

    expect(screen.getByRole('heading', { name: 'AI draft or studio session?' })).toBeVisible();
    expect(screen.getByText('Not for passports, official documents or print')).toBeVisible();
    expect(screen.getByText('Fit for official use, press and print')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Try a free AI draft' })).toHaveAttribute(
      'href',
      '/signup?next=%2Fapp%2Fdrafts',
    );

    const sample = await screen.findByRole('region', {
      name: 'An AI draft is enough for a profile picture',
    });
    expect(within(sample).getByText('Our pick: the AI draft')).toBeVisible();
    // The choice's HD price is the sample's, never a number of its own.
    const ai = aSampleAiOption();
    const price = formatPrice(ai.hdUnlockPriceCents, ai.currency);
    expect(
      screen.getByText(`The preview is free; the HD images cost a one-off ${price}`),
    ).toBeVisible();
    expect(within(sample).getByText(`${price} for HD`)).toBeVisible();
    expect(within(sample).getByText('It is ready in seconds')).toBeVisible();
    expect(within(sample).getByText('€9 for HD')).toBeVisible();
    expect(within(sample).getByText('Ready in about 5 s (benchmark median)')).toBeVisible();
    expect(within(sample).getByRole('link', { name: 'Lena Vogel' })).toHaveAttribute(
      'href',
      '/photographers/p-1',
    );
    expect(within(sample).getByText('€149')).toBeVisible();
    expect(within(sample).getByRole('link', { name: 'Studio Nord' })).toBeVisible();
    expect(within(sample).queryByText('Third Studio')).not.toBeInTheDocument();
    // The visitor's zone picks the studios, as on the full comparison.
    const query = api.callsTo('GET /api/compare')[0]!.query;
    expect(query.get('useCase')).toBe('profile');
    expect(query.get('viewerTimeZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(within(sample).getByText('Showing studios near Berlin (your time zone).')).toBeVisible();
  });

  it('says when there is no studio nearby in the sample', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            ai: aSampleAiOption(),
            studios: [],
            noStudioReason: 'No photographer is taking bookings yet.',
          }),
        ),
    });
    renderApp('/');

    expect(await screen.findByText(/No photographer is taking bookings yet\./)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Browse all photographers' })).toHaveAttribute(
      'href',
      '/photographers',
    );
  });

  it('still explains the choice when the sample cannot be loaded', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'GET /api/compare': () => apiError(503, 'SERVICE_UNAVAILABLE', 'Down for a moment.'),
    });
    renderApp('/');

    expect(
      await screen.findByText(/The live sample comparison isn.t available right now/),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: 'AI draft or studio session?' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Try a free AI draft' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
  });

  it('sends a visitor without an account from "Try a free AI draft" to sign up, then the studio', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'GET /api/compare': () => json(200, aComparison({ ai: aSampleAiOption() })),
    });
    const { user, location } = renderApp('/');

    await user.click(screen.getByRole('link', { name: 'Try a free AI draft' }));

    expect(location()).toBe('/signup?next=%2Fapp%2Fdrafts');
  });
});

describe('Landing page HD price', () => {
  it('says HD is free in a demo whose sample says so, and names no price', async () => {
    fakeApi({
      'GET /api/auth/me': signedOut,
      'GET /api/compare': () =>
        json(200, aComparison({ ai: aSampleAiOption({ hdUnlockPriceCents: 0 }) })),
    });
    renderApp('/');

    expect(
      await screen.findByText('The preview and, in this demo, the HD images are free'),
    ).toBeVisible();
    expect(screen.getByText('Free HD in this demo')).toBeVisible();
    expect(screen.queryByText(/€\s?9|about €/)).not.toBeInTheDocument();
  });
});

describe('Unknown pages', () => {
  it('shows a 404 page with a way back', () => {
    fakeApi({ 'GET /api/auth/me': signedOut });
    renderApp('/no-such-page');

    expect(screen.getByRole('heading', { name: "We can't find that page" })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });

  it('shows a 404 inside the app frame for unknown app pages', async () => {
    fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'admin', name: 'Op Erator' })),
    });
    renderApp('/app/no-such-page');

    expect(await screen.findByRole('heading', { name: "This page doesn't exist" })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Operations' })).toHaveAttribute('href', '/app');
  });
});
