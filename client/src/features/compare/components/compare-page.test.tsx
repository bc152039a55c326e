import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aSession } from '@/testing/factories';
import {
  aComparison,
  anAiOption,
  aStudioOption,
  COMPARE_DRAFT_ID,
} from '@/testing/compare-factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

// The browser's zone, which the page sends with the comparison (jsdom's is the machine's).
const viewer = vi.hoisted(() => ({ zone: 'Europe/Berlin' }));
vi.mock('@/lib/zoned-time', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/zoned-time')>()),
  viewerTimeZone: () => viewer.zone,
}));

const client = () => json(200, aSession({ role: 'client' }));
const PAGE = `/app/compare?draftId=${COMPARE_DRAFT_ID}&useCase=press&city=Berlin`;

const secondStudio = aStudioOption({
  photographer: {
    id: 'a1b2c3d4-0000-4000-8000-000000000002',
    displayName: 'Studio Nord',
    city: 'Berlin',
    timeZone: 'Europe/Berlin',
    styles: [],
    rating: { average: null, count: 0 },
  },
  package: {
    id: 'b1b2c3d4-0000-4000-8000-000000000002',
    name: 'On-site team day',
    durationMinutes: 60,
    location: 'on_location',
    includedImages: 3,
    deliveryDays: 10,
  },
  extraImages: 0,
  extrasCents: 0,
  packagePriceCents: 30000,
  travelFeeCents: 4000,
  totalCents: 34000,
  payableCents: 34000,
  earliestSlot: null,
  deliveryBy: null,
  daysToFinal: null,
  fit: [],
  rank: 2,
  rankReason:
    'Ranked 2nd: no free time in the next weeks. On location: the price includes €40 travel.',
});

describe('Comparison page', () => {
  beforeEach(() => {
    viewer.zone = 'Europe/Berlin';
  });

  it('leads with the recommendation, then the AI draft next to costed studio options', async () => {
    const api = fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(200, aComparison({ studios: [aStudioOption(), secondStudio] })),
    });
    renderApp(PAGE);

    const rec = await screen.findByRole('region', {
      name: 'Use the AI draft now and book a studio for the press kit',
    });
    expect(
      within(rec).getByText('Our pick: the AI draft now, a studio session for the official one'),
    ).toBeVisible();
    expect(within(rec).getByText('Press photos need three real images')).toBeVisible();
    expect(api.callsTo('GET /api/compare')[0]?.query.toString()).toBe(
      `draftId=${COMPARE_DRAFT_ID}&useCase=press&city=Berlin&viewerTimeZone=Europe%2FBerlin`,
    );

    const ai = screen.getByRole('region', { name: 'AI draft' });
    expect(within(ai).getByRole('img', { name: /Your AI draft/ })).toBeVisible();
    expect(within(ai).getAllByText('AI-generated')[0]).toBeVisible();
    expect(within(ai).getByText('€9.00')).toBeVisible();
    expect(within(ai).getByText('4.2 s for this draft')).toBeVisible();
    expect(
      within(ai).getByText('The AI cannot turn your head: retake facing the lens.'),
    ).toBeVisible();
    expect(within(ai).getByText('Not accepted for official documents')).toBeVisible();
    expect(within(ai).getByRole('button', { name: 'Unlock HD draft · €9.00' })).toBeEnabled();

    const lena = screen.getByRole('listitem', { name: 'Lena Vogel' });
    expect(within(lena).getByRole('link', { name: 'Lena Vogel' })).toHaveAttribute(
      'href',
      '/photographers/a1b2c3d4-0000-4000-8000-000000000001',
    );
    expect(within(lena).getByText('Extra images (2 × €25.00)')).toBeVisible();
    expect(within(lena).getByText('€199.00')).toBeVisible();
    expect(within(lena).getByText('€50.00', { selector: '.cmp-cost__deposit dd' })).toBeVisible();
    expect(within(lena).getByText('Wed 2 Dec, 10:00 your time')).toBeVisible();
    expect(
      within(lena).getByText(/the studio is in your time zone \(Europe\/Berlin\)/),
    ).toBeVisible();
    // Every studio says why it ranks where it does, in the server's words.
    expect(within(lena).getByText('Ranked 1st: cheapest for a press bio (€199).')).toBeVisible();
    const nord = screen.getByRole('listitem', { name: 'Studio Nord' });
    expect(
      within(nord).getByText(
        'Ranked 2nd: no free time in the next weeks. On location: the price includes €40 travel.',
      ),
    ).toBeVisible();
    expect(within(nord).getByText('Travel')).toBeVisible();
    expect(within(nord).getByText('€340.00')).toBeVisible();
    expect(within(nord).getByText('No free time soon')).toBeVisible();

    // The chart: the AI draft and each studio with a free time, as a point and a table row.
    const chart = screen.getByRole('img', { name: /^Cost against days until the final images/ });
    expect(chart).toHaveAccessibleName(
      'Cost against days until the final images. AI draft (HD): €9, 4.2 s for this draft; Lena Vogel, Headshot Express: €199, 8 days.',
    );
    const table = screen.getByRole('table', { name: /Cost and days until the final images/ });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(2);
    expect(screen.getByText(/Not on the chart \(no free time yet\): Studio Nord/)).toBeVisible();
  });

  it('books a studio session with the draft attached through the photographer page', async () => {
    fakeApi({ 'GET /api/auth/me': client, 'GET /api/compare': () => json(200, aComparison()) });
    renderApp(PAGE);

    const book = await screen.findByRole('link', { name: 'Book this session with this look' });
    const href = new URL(book.getAttribute('href') ?? '', 'http://localhost');
    expect(href.pathname).toBe('/photographers/a1b2c3d4-0000-4000-8000-000000000001');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      package: 'b1b2c3d4-0000-4000-8000-000000000001',
      slot: '2026-12-02T09:00:00.000Z',
      draftId: COMPARE_DRAFT_ID,
      variantId: 'variant-professional',
      useCase: 'press',
    });
  });

  it('shows and books the look the client adjusted, captioned by its own parameters', async () => {
    const whiteSquare = anAiOption({
      variantId: 'variant-white',
      params: {
        ...anAiOption().params!,
        backdrop: 'solid',
        backdropColor: '#f2f2f0',
        crop: '1:1',
      },
    });
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () => json(200, aComparison({ ai: whiteSquare })),
    });
    renderApp(PAGE);

    const ai = await screen.findByRole('region', { name: 'AI draft' });
    expect(
      within(ai).getByRole('img', { name: 'Your AI draft, Professional, adjusted look' }),
    ).toBeVisible();
    const caption = within(ai).getByTestId('ai-look');
    expect(caption).toHaveTextContent(
      /^Professional, adjusted: Solid white \(#f2f2f0\) backdrop · 1:1 square crop · /,
    );
    expect(caption).not.toHaveTextContent(/gradient|4:5/);

    const book = screen.getByRole('link', { name: 'Book this session with this look' });
    const href = new URL(book.getAttribute('href') ?? '', 'http://localhost');
    expect(href.searchParams.get('variantId')).toBe('variant-white');
  });

  it('offers a plain booking without a draft, and a draft to try', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(200, aComparison({ ai: anAiOption({ draftId: null, variantId: null }) })),
    });
    renderApp('/app/compare?useCase=press');

    const book = await screen.findByRole('link', { name: 'Book this session' });
    expect(book).toHaveAttribute(
      'href',
      '/photographers/a1b2c3d4-0000-4000-8000-000000000001?package=b1b2c3d4-0000-4000-8000-000000000001&slot=2026-12-02T09%3A00%3A00.000Z&useCase=press',
    );
    expect(screen.getByRole('link', { name: 'Try a free AI draft' })).toHaveAttribute(
      'href',
      '/app/drafts',
    );
  });

  it('says plainly when there is no studio nearby, with the way to the directory', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            studios: [],
            noStudioReason: 'No photographer in Reykjavik has a free time in the next 30 days.',
          }),
        ),
    });
    renderApp(PAGE);

    expect(await screen.findByRole('heading', { name: 'No studio nearby' })).toBeVisible();
    expect(
      screen.getByText('No photographer in Reykjavik has a free time in the next 30 days.'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Browse all photographers' })).toHaveAttribute(
      'href',
      '/photographers',
    );
    expect(screen.getByRole('region', { name: 'AI draft' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the draft credit that a studio booking would use', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            ai: anAiOption({ unlocked: true }),
            credit: {
              draftId: COMPARE_DRAFT_ID,
              amountCents: 900,
              currency: 'EUR',
              expiresAt: '2026-12-21T12:00:00.000Z',
            },
            studios: [aStudioOption({ creditCents: 900, payableCents: 19000 })],
          }),
        ),
    });
    renderApp(PAGE);

    expect(
      await screen.findByText(
        /Your €9.00 HD unlock counts toward a studio booking until .*21 December 2026/,
      ),
    ).toBeVisible();
    const lena = screen.getByRole('listitem', { name: 'Lena Vogel' });
    expect(within(lena).getByText('−€9.00')).toBeVisible();
    expect(within(lena).getByText('€190.00')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Download your HD draft' })).toBeVisible();
  });

  it('unlocks the HD draft from the comparison', async () => {
    let unlocked = false;
    const api = fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () => json(200, aComparison({ ai: anAiOption({ unlocked }) })),
      [`POST /api/drafts/${COMPARE_DRAFT_ID}/unlock`]: () => {
        unlocked = true;
        return json(200, { unlocked: true, method: 'manual', note: 'Unlocked for free.' });
      },
    });
    const { user } = renderApp(PAGE);

    await user.click(await screen.findByRole('button', { name: 'Unlock HD draft · €9.00' }));

    expect(await screen.findByText('HD unlocked')).toBeVisible();
    expect(api.callsTo(`POST /api/drafts/${COMPARE_DRAFT_ID}/unlock`)).toHaveLength(1);
  });

  it('sends the viewer’s time zone, says which studios it shows, and offers to change the city', async () => {
    const api = fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            city: null,
            area: {
              basis: 'timeZone',
              viewerTimeZone: 'Europe/Berlin',
              cities: ['Berlin'],
              widened: false,
              summary: 'Showing studios near Berlin (your time zone).',
            },
          }),
        ),
    });
    const { user, location } = renderApp('/app/compare?useCase=press');

    expect(await screen.findByText('Showing studios near Berlin (your time zone).')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Studio sessions near Berlin' })).toBeVisible();
    const query = api.callsTo('GET /api/compare')[0]!.query;
    expect(query.get('viewerTimeZone')).toBe('Europe/Berlin');
    expect(query.has('city')).toBe(false);
    // The zone is the browser's, not a choice: it stays out of the page's address.
    expect(location()).toBe('/app/compare?useCase=press');

    await user.click(screen.getByRole('button', { name: 'Change city' }));
    expect(screen.getByRole('searchbox', { name: 'City' })).toHaveFocus();
  });

  it('says honestly when no studio is near the viewer, and labels times with both zones', async () => {
    viewer.zone = 'America/Chicago';
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            city: null,
            area: {
              basis: 'everywhere',
              viewerTimeZone: 'America/Chicago',
              cities: [],
              widened: true,
              summary:
                'No studios are listed in or near your time zone (America/Chicago) yet, so these are the best rated anywhere; session times are shown in your time and the studio’s.',
            },
          }),
        ),
    });
    renderApp('/app/compare?useCase=press');

    expect(
      await screen.findByText(
        /^No studios are listed in or near your time zone \(America\/Chicago\)/,
      ),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Studio sessions' })).toBeVisible();
    const lena = screen.getByRole('listitem', { name: 'Lena Vogel' });
    // 09:00 UTC: 03:00 in Chicago, 10:00 at the studio in Berlin.
    expect(within(lena).getByText('Wed 2 Dec, 03:00 your time')).toBeVisible();
    expect(within(lena).getByText(/10:00 in Europe\/Berlin/)).toBeVisible();
  });

  it('never plots amounts in different currencies on one axis', async () => {
    const inDollars = (rank: number, name: string, payableCents: number, daysToFinal: number) =>
      aStudioOption({
        photographer: { ...aStudioOption().photographer, id: `p${rank}`, displayName: name },
        package: { ...aStudioOption().package, id: `k${rank}` },
        currency: 'USD',
        payableCents,
        totalCents: payableCents,
        daysToFinal,
        rank,
      });
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            ai: anAiOption({ hdUnlockPriceCents: 0 }),
            studios: [
              inDollars(1, 'Sam Shutter', 18000, 6),
              inDollars(2, 'Ann Aperture', 25050, 9),
            ],
          }),
        ),
    });
    renderApp(PAGE);

    const chart = await screen.findByRole('img', { name: /^Cost against days/ });
    expect(chart).toHaveAccessibleName(
      'Cost against days until the final images. Sam Shutter, Headshot Express: US$180, 6 days; Ann Aperture, Headshot Express: US$250.50, 9 days.',
    );
    expect(
      screen.getByText(
        'Not plotted: priced in EUR, and the chart is in USD — AI draft (HD): €0, 4.2 s for this draft.',
      ),
    ).toBeVisible();
    // Whole-dollar ticks only, the axis named by its currency.
    const labels = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['US$0', 'US$150', 'US$300', 'Cost (USD)']));
    expect(labels.join(' ')).not.toMatch(/[$€]\d+\.\d/);
  });

  it('shows no chart, and says why, with fewer than two comparable options', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(200, aComparison({ ai: anAiOption({ hdUnlockPriceCents: 0 }), studios: [] })),
    });
    renderApp(PAGE);

    expect(await screen.findByText('Nothing to chart yet.')).toBeVisible();
    expect(screen.queryByRole('img', { name: /^Cost against days/ })).not.toBeInTheDocument();
    expect(screen.getByText('AI draft (HD): €0, 4.2 s for this draft')).toBeVisible();
    expect(document.body).not.toHaveTextContent(/€0\.01|0\.5 days/);
  });

  it('counts in words that agree: 1 image, 1 day', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        json(
          200,
          aComparison({
            imagesNeeded: 1,
            useCaseLabel: 'Profile / LinkedIn refresh',
            studios: [
              aStudioOption({
                imagesNeeded: 1,
                extraImages: 1,
                extrasCents: 2500,
                package: { ...aStudioOption().package, includedImages: 1 },
                daysToFinal: 1,
              }),
              { ...secondStudio, imagesNeeded: 1 },
            ],
          }),
        ),
    });
    renderApp(PAGE);

    const lena = await screen.findByRole('listitem', { name: 'Lena Vogel' });
    expect(
      screen.getByText(/Costed for profile \/ linkedin refresh: 1 finished image\./),
    ).toBeVisible();
    expect(within(lena).getByText('Total for 1 image')).toBeVisible();
    expect(within(lena).getByText('Extra image (1 × €25.00)')).toBeVisible();
    expect(within(lena).getByText(/1 image included/)).toBeVisible();
    expect(within(lena).getByText('in 1 day')).toBeVisible();
    expect(document.body).not.toHaveTextContent(/\b1 (images|days)\b/);
  });

  it('offers to try again when the comparison fails, and compares on the retry', async () => {
    let fail = true;
    const api = fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        fail ? apiError(429, 'RATE_LIMITED', 'Too many requests') : json(200, aComparison()),
    });
    const { user } = renderApp(PAGE);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText("We couldn't compare the options")).toBeVisible();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('region', { name: 'AI draft' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.callsTo('GET /api/compare')).toHaveLength(2);
  });

  it('offers to try again on a draft still rendering', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () =>
        apiError(409, 'DRAFT_NOT_COMPARABLE', 'This draft is still rendering.', {
          details: { status: 'processing' },
        }),
    });
    renderApp(PAGE);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  });

  it('explains a draft that cannot be compared, with the way back to the drafts', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () => apiError(409, 'DRAFT_NOT_COMPARABLE', 'This draft has expired.'),
    });
    renderApp(PAGE);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText("This draft can't be compared yet")).toBeVisible();
    expect(within(alert).getByText(/This draft has expired\./)).toBeVisible();
    expect(within(alert).getByRole('link', { name: 'Back to your drafts' })).toHaveAttribute(
      'href',
      '/app/drafts',
    );
    // An expired draft stays expired: no retry that cannot work.
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it("says so when the draft isn't there, and compares without it on request", async () => {
    const api = fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': (call) =>
        call.query.has('draftId')
          ? apiError(404, 'DRAFT_NOT_FOUND', 'No such draft.')
          : json(200, aComparison({ ai: anAiOption({ draftId: null, variantId: null }) })),
    });
    const { user, location } = renderApp(PAGE);

    expect(await screen.findByText("We can't find that draft")).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Compare without a draft' }));

    expect(await screen.findByRole('region', { name: 'AI draft' })).toBeVisible();
    expect(location()).toBe('/app/compare?useCase=press&city=Berlin');
    expect(api.callsTo('GET /api/compare').at(-1)?.query.has('draftId')).toBe(false);
  });

  it('compares again for another use case', async () => {
    const api = fakeApi({
      'GET /api/auth/me': client,
      'GET /api/compare': () => json(200, aComparison()),
    });
    const { user, location } = renderApp(PAGE);

    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'The headshot is for' }),
      'Executive / official portrait',
    );

    expect(location()).toBe(
      `/app/compare?draftId=${COMPARE_DRAFT_ID}&useCase=executive&city=Berlin`,
    );
    await screen.findByRole('region', { name: 'AI draft' });
    expect(api.callsTo('GET /api/compare').at(-1)?.query.get('useCase')).toBe('executive');
  });
});
