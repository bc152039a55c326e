import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DraftDto, DraftVariantDto } from '@shared/drafts/drafts.types';
import { STYLE_PRESET_PARAMS } from '@shared/drafts/style-presets';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const client = () => json(200, aSession({ role: 'client' }));
const ID = '6f1c1e0a-1111-4a4a-8888-0000000000e3';

function aVariant(style: DraftVariantDto['style'], width: number, height: number): DraftVariantDto {
  const id = `${style}-variant`;
  return {
    id,
    style,
    params: { ...STYLE_PRESET_PARAMS[style] },
    status: 'ready',
    width,
    height,
    renderMs: 400,
    previewUrl: `/api/drafts/${ID}/variants/${id}/image?size=preview`,
    hdUrl: null,
    hdStatus: 'none',
    beforeUrl: null,
    createdAt: '2026-11-21T10:00:00.000Z',
  };
}

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
    variants: [
      aVariant('professional', 1840, 2300),
      aVariant('creative', 445, 445),
      aVariant('relaxed', 1840, 2300),
    ],
    chosenVariantId: 'professional-variant',
    createdAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-12-21T10:00:00.000Z',
    ...overrides,
  };
}

const card = (name: RegExp) => screen.getByRole('img', { name }).closest('.variant') as HTMLElement;

describe('draft HD size and studio light', () => {
  it('shows each draft’s HD size before unlocking', async () => {
    fakeApi({ 'GET /api/auth/me': client, [`GET /api/drafts/${ID}`]: () => json(200, aDraft()) });
    renderApp(`/app/drafts/${ID}`);
    await screen.findByRole('img', { name: /Professional AI draft/ });
    expect(within(card(/Professional AI draft/)).getByTestId('variant-hd-size')).toHaveTextContent(
      'HD: 1840 × 2300 px — unlock to download',
    );
    expect(within(card(/Creative AI draft/)).getByTestId('variant-hd-size')).toHaveTextContent(
      'HD: 445 × 445 px',
    );
  });

  it('re-renders with the studio light the person sets', async () => {
    const api = fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () => json(200, aDraft()),
      [`POST /api/drafts/${ID}/variants`]: () => json(202, aVariant('creative', 445, 445)),
    });
    renderApp(`/app/drafts/${ID}`);
    await screen.findByRole('img', { name: /Creative AI draft/ });
    const creative = card(/Creative AI draft/);
    await userEvent.click(within(creative).getByText('Adjust this style'));
    const slider = within(creative).getByRole('slider', { name: 'Studio light' });
    expect(slider).toHaveValue(String(STYLE_PRESET_PARAMS.creative.relight));
    fireEvent.change(slider, { target: { value: '0' } });
    await waitFor(() => expect(api.callsTo(`POST /api/drafts/${ID}/variants`)).toHaveLength(1), {
      timeout: 2000,
    });
    expect(api.callsTo(`POST /api/drafts/${ID}/variants`)[0]?.body).toMatchObject({
      style: 'creative',
      params: { relight: 0 },
    });
  });

  it('after unlocking: each HD image shows as being made, then downloadable, and a failed one can be asked for again', async () => {
    let hdStatus: DraftVariantDto['hdStatus'] = 'rendering';
    const unlocked = () =>
      aDraft({
        unlocked: true,
        variants: aDraft().variants.map((v) => ({
          ...v,
          hdStatus: v.style === 'relaxed' ? 'failed' : hdStatus,
          hdUrl:
            v.style !== 'relaxed' && hdStatus === 'ready'
              ? `/api/drafts/${ID}/variants/${v.id}/image?size=hd`
              : null,
        })),
      });
    const api = fakeApi({
      'GET /api/auth/me': client,
      [`GET /api/drafts/${ID}`]: () => json(200, unlocked()),
      [`POST /api/drafts/${ID}/unlock`]: () =>
        json(200, { unlocked: true, method: 'manual', note: 'Already unlocked.' }),
    });
    renderApp(`/app/drafts/${ID}`);
    await screen.findByRole('img', { name: /Professional AI draft/ });
    const professional = card(/Professional AI draft/);
    expect(within(professional).getByRole('status')).toHaveTextContent('Making the HD image…');
    expect(within(professional).queryByRole('link', { name: 'Download HD' })).toBeNull();

    hdStatus = 'ready';
    // The page keeps asking while HD images are being made.
    const link = await within(professional).findByRole(
      'link',
      { name: 'Download HD' },
      { timeout: 3000 },
    );
    expect(link).toHaveAttribute(
      'href',
      `/api/drafts/${ID}/variants/professional-variant/image?size=hd&download=1`,
    );

    const relaxed = card(/Relaxed AI draft/);
    expect(within(relaxed).getByRole('alert')).toHaveTextContent('The HD image could not be made.');
    await userEvent.click(within(relaxed).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(api.callsTo(`POST /api/drafts/${ID}/unlock`)).toHaveLength(1));
  });
});
