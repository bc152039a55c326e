import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DraftDto, DraftVariantDto, QualityReport } from '@shared/drafts/drafts.types';
import { STYLE_PRESET_PARAMS } from '@shared/drafts/style-presets';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { aSigningInfo } from '@/testing/provenance-factories';
import { renderApp } from '@/testing/render-app';

const client = () => json(200, aSession({ role: 'client' }));
const ID = '6f1c1e0a-1111-4a4a-8888-000000000001';

function aVariant(
  style: DraftVariantDto['style'],
  overrides: Partial<DraftVariantDto> = {},
): DraftVariantDto {
  const id = `${style}-variant`;
  return {
    id,
    style,
    params: STYLE_PRESET_PARAMS[style],
    status: 'ready',
    width: 800,
    height: 1000,
    renderMs: 400,
    previewUrl: `/api/drafts/${ID}/variants/${id}/image?size=preview`,
    hdUrl: null,
    hdStatus: 'none',
    beforeUrl: `/api/drafts/${ID}/variants/${id}/image?size=before`,
    createdAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

const aReport = (): QualityReport => ({
  gazePreference: 'direct',
  checks: [
    {
      id: 'eyeContact',
      label: 'Eye contact',
      status: 'pass',
      measured: 'looking into the lens',
      value: 2,
      fix: '',
    },
    {
      id: 'headTurn',
      label: 'Face turned',
      status: 'warn',
      measured: 'face turned 18° to the left',
      value: -18,
      fix: 'Face turned 18° to the left — turn towards the lens.',
    },
  ],
  verdicts: [
    {
      useCase: 'profile',
      label: 'LinkedIn / profile picture',
      verdict: 'ai_ok',
      reason: 'Good enough.',
    },
    {
      useCase: 'print',
      label: 'Print / official',
      verdict: 'studio_advised',
      reason: 'Book a studio.',
    },
  ],
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
    report: aReport(),
    variants: [aVariant('professional'), aVariant('creative'), aVariant('relaxed')],
    chosenVariantId: 'professional-variant',
    createdAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-12-21T10:00:00.000Z',
    ...overrides,
  };
}

describe('AI draft studio', () => {
  it('shows the processing notice and only uploads after the photo and the consent', async () => {
    fakeApi({ 'GET /api/auth/me': client, 'GET /api/drafts': () => json(200, []) });
    renderApp('/app/drafts');
    expect(await screen.findByRole('heading', { name: 'How we process your photo' })).toBeVisible();
    const make = screen.getByRole('button', { name: 'Make my AI drafts' });
    expect(make).toBeDisabled();
    await userEvent.upload(
      screen.getByLabelText('Choose a photo'),
      new File(['jpeg bytes'], 'me.jpg', { type: 'image/jpeg' }),
    );
    expect(make).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /This photo shows me/ }));
    expect(make).toBeEnabled();
  });

  it('shows progress while the first render runs', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () =>
        json(
          200,
          aDraft({
            status: 'processing',
            stage: 'segmenting',
            progress: 30,
            report: null,
            variants: [],
          }),
        ),
    });
    renderApp(`/app/drafts/${ID}`);
    expect(await screen.findByRole('progressbar', { name: 'Draft progress' })).toHaveAttribute(
      'aria-valuenow',
      '30',
    );
    expect(screen.getByText('Separating you from the background')).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('explains a failed draft in plain words', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () =>
        json(
          200,
          aDraft({
            status: 'failed',
            report: null,
            variants: [],
            failure: {
              code: 'MULTIPLE_FACES',
              message: 'We found 2 faces. A headshot needs exactly one.',
            },
          }),
        ),
    });
    renderApp(`/app/drafts/${ID}`);
    expect(
      await screen.findByText('We found 2 faces. A headshot needs exactly one.'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Try another photo' })).toHaveAttribute(
      'href',
      '/app/drafts',
    );
  });

  it('says the drafts are signed with Content Credentials, and links to the check', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () => json(200, aDraft()),
      'GET /api/provenance/signer': () => json(200, aSigningInfo({ development: true })),
    });
    renderApp(`/app/drafts/${ID}`);
    const note = await screen.findByRole('link', {
      name: 'Signed with Content Credentials · development certificate',
    });
    expect(note).toHaveAttribute('href', '/verify');
  });

  it('leaves out "development certificate" when the server signs with a real one', async () => {
    fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () => json(200, aDraft()),
      'GET /api/provenance/signer': () => json(200, aSigningInfo({ development: false })),
    });
    renderApp(`/app/drafts/${ID}`);
    expect(
      await screen.findByRole('link', { name: 'Signed with Content Credentials' }),
    ).toHaveAttribute('href', '/verify');
  });

  it('shows the three drafts, the fixes and the verdicts, and re-renders a changed backdrop', async () => {
    const api = fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () => json(200, aDraft()),
      [`POST /api/drafts/${ID}/variants`]: () =>
        json(202, aVariant('professional', { id: 'new', status: 'queued' })),
    });
    renderApp(`/app/drafts/${ID}`);
    for (const name of ['Professional', 'Creative', 'Relaxed']) {
      expect(await screen.findByRole('img', { name: `${name} AI draft` })).toBeVisible();
    }
    expect(screen.getByText('Face turned 18° to the left — turn towards the lens.')).toBeVisible();
    const print = screen.getByText('Print / official').closest('li')!;
    expect(within(print).getByText('Book a studio session')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Compare with studio sessions' })).toHaveAttribute(
      'href',
      `/app/compare?draftId=${ID}&useCase=profile`,
    );

    await userEvent.click(screen.getAllByText('Adjust this style')[0]!);
    await userEvent.click(screen.getAllByRole('radio', { name: 'Backdrop #7a2e3a' })[0]!);
    await waitFor(() => {
      const post = api.calls.find(
        (c) => c.method === 'POST' && c.path === `/api/drafts/${ID}/variants`,
      );
      expect(post?.body).toMatchObject({
        style: 'professional',
        params: { backdropColor: '#7a2e3a' },
      });
    });
  });
});
