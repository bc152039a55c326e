import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DraftDto, DraftVariantDto } from '@shared/drafts/drafts.types';
import { STYLE_PRESET_PARAMS } from '@shared/drafts/style-presets';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const client = () => json(200, aSession({ role: 'client' }));
const ID = '6f1c1e0a-1111-4a4a-8888-0000000000d7';

function aVariant(
  style: DraftVariantDto['style'],
  overrides: Partial<DraftVariantDto> = {},
): DraftVariantDto {
  const id = overrides.id ?? `${style}-variant`;
  return {
    id,
    style,
    params: { ...STYLE_PRESET_PARAMS[style] },
    status: 'ready',
    width: 800,
    height: 1000,
    renderMs: 400,
    previewUrl: `/api/drafts/${ID}/variants/${id}/image?size=preview`,
    hdUrl: null,
    hdStatus: 'none',
    beforeUrl: null,
    createdAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

/** The professional look adjusted to a white backdrop and a square crop, and chosen. */
const whiteSquare = aVariant('professional', {
  id: 'professional-white',
  params: {
    ...STYLE_PRESET_PARAMS.professional,
    backdrop: 'solid',
    backdropColor: '#f2f2f0',
    crop: '1:1',
  },
  width: 1000,
  height: 1000,
  createdAt: '2026-11-21T10:05:00.000Z',
});

function aDraft(overrides: Partial<DraftDto> = {}): DraftDto {
  return {
    id: ID,
    status: 'ready',
    stage: 'done',
    progress: 100,
    gazePreference: 'direct',
    consent: { noticeVersion: '2026-11-01', acceptedAt: '2026-11-21T10:00:00.000Z' },
    keep: false,
    unlocked: false,
    sourceDeleted: true,
    failure: null,
    report: null,
    variants: [aVariant('professional'), aVariant('creative'), aVariant('relaxed'), whiteSquare],
    chosenVariantId: whiteSquare.id,
    createdAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-12-21T10:00:00.000Z',
    ...overrides,
  };
}

const card = (name: RegExp) => screen.getByRole('img', { name }).closest('.variant') as HTMLElement;

describe('draft captions and the chosen look', () => {
  it('captions each card with its own parameters and marks the adjusted look as chosen', async () => {
    fakeApi({ 'GET /api/auth/me': client, [`GET /api/drafts/${ID}`]: () => json(200, aDraft()) });
    renderApp(`/app/drafts/${ID}`);

    const professional = (
      await screen.findByRole('heading', { name: 'Professional, adjusted' })
    ).closest('.variant') as HTMLElement;
    expect(within(professional).getByTestId('variant-look')).toHaveTextContent(
      /^Solid white \(#f2f2f0\) backdrop · 1:1 square crop · .*skin retouch 35 % · head levelled\.$/,
    );
    expect(within(professional).getByTestId('variant-look')).not.toHaveTextContent(/gradient|4:5/);
    expect(screen.queryByText(/Studio grey gradient/)).toBeNull();
    expect(within(professional).getByText('Your chosen look')).toBeVisible();

    const creative = card(/Creative AI draft/);
    expect(within(creative).getByRole('heading', { name: 'Creative' })).toBeVisible();
    expect(within(creative).getByTestId('variant-look')).toHaveTextContent(
      /^Solid navy blue \(#1f4e79\) backdrop · 1:1 square crop · /,
    );
    expect(within(creative).queryByText('Your chosen look')).toBeNull();
    expect(within(creative).getByRole('button', { name: 'Use this look' })).toBeEnabled();
  });

  it('picks another look for the comparison and the brief', async () => {
    const api = fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () => json(200, aDraft()),
      [`PUT /api/drafts/${ID}/chosen-variant`]: () =>
        json(200, aDraft({ chosenVariantId: 'creative-variant' })),
    });
    renderApp(`/app/drafts/${ID}`);
    await screen.findByRole('heading', { name: 'Professional, adjusted' });
    await userEvent.click(
      within(card(/Creative AI draft/)).getByRole('button', { name: 'Use this look' }),
    );
    await waitFor(() =>
      expect(within(card(/Creative AI draft/)).getByText('Your chosen look')).toBeVisible(),
    );
    expect(api.callsTo(`PUT /api/drafts/${ID}/chosen-variant`)[0]?.body).toEqual({
      variantId: 'creative-variant',
    });
    expect(within(card(/Professional AI draft/)).queryByText('Your chosen look')).toBeNull();
  });

  it('says plainly when a change is refused by the fair-use limit', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () => json(200, aDraft()),
      [`POST /api/drafts/${ID}/variants`]: () =>
        apiError(
          429,
          'RERENDER_RATE_LIMITED',
          '6 of your changes are still being rendered. Wait for them before changing more.',
          { headers: { 'Retry-After': '5' } },
        ),
    });
    renderApp(`/app/drafts/${ID}`);
    await screen.findByRole('heading', { name: 'Professional, adjusted' });
    const creative = card(/Creative AI draft/);
    await userEvent.click(within(creative).getByText('Adjust this style'));
    await userEvent.click(within(creative).getByRole('radio', { name: 'Backdrop #7a2e3a' }));
    expect(
      await screen.findByText(
        '6 of your changes are still being rendered. Wait for them before changing more.',
      ),
    ).toBeVisible();
  });

  it.each([
    [
      'DRAFT_RATE_LIMITED',
      'You have uploaded 20 photos in the last hour, the most we take per hour. Try again in 12 minutes.',
    ],
    [
      'DRAFTS_IN_FLIGHT',
      '3 of your drafts are still being made. Upload the next photo when one of them is ready.',
    ],
  ])('shows the fair-use refusal of an upload (%s) with what to do', async (code, message) => {
    fakeApi({
      'GET /api/auth/me': client,
      'GET /api/drafts': () => json(200, []),
      'POST /api/drafts': () => apiError(429, code, message, { headers: { 'Retry-After': '720' } }),
    });
    renderApp('/app/drafts');
    await userEvent.upload(
      await screen.findByLabelText('Choose a photo'),
      new File(['jpeg bytes'], 'me.jpg', { type: 'image/jpeg' }),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /This photo shows me/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Make my AI drafts' }));
    const refusal = await screen.findByText(message);
    expect(refusal.closest('[role="alert"], .alert')).toHaveTextContent('Upload refused');
  });
});
