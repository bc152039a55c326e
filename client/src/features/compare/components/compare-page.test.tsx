import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession } from '@/testing/factories';
import {
  aComparison,
  anAiOption,
  aStudioOption,
  COMPARE_DRAFT_ID,
} from '@/testing/compare-factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

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
});

describe('Comparison page', () => {
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
      `draftId=${COMPARE_DRAFT_ID}&useCase=press&city=Berlin`,
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
    expect(within(lena).getByText(/in Europe\/Berlin/)).toBeVisible();
    const nord = screen.getByRole('listitem', { name: 'Studio Nord' });
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
