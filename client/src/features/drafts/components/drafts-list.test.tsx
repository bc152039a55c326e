import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const summary = (id: string, createdAt: string) => ({
  id,
  status: 'ready',
  createdAt,
  expiresAt: '2030-06-01T10:00:00.000Z',
  keep: false,
  thumbnailUrl: null,
});

describe('Deleting a draft from the list', () => {
  it('asks first, names each row apart, deletes only on confirmation and says it is done', async () => {
    const drafts = [
      summary('d-1', '2030-05-01T10:00:00.000Z'),
      summary('d-2', '2030-05-02T10:00:00.000Z'),
    ];
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'client' })),
      'GET /api/drafts': () => json(200, drafts),
      'GET /api/payments/options': () =>
        json(200, { provider: 'manual', currency: 'EUR', draftUnlockPriceCents: 0 }),
      'DELETE /api/drafts/d-1': () => new Response(null, { status: 204 }),
    });
    const { user } = renderApp('/app/drafts');

    const rows = await screen.findAllByRole(
      'button',
      { name: /^Delete the draft of / },
      {
        timeout: 5_000,
      },
    );
    // Each row's Delete says which draft it deletes.
    expect(new Set(rows.map((b) => b.getAttribute('aria-label'))).size).toBe(2);

    await user.click(rows[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Delete this draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(api.callsTo('DELETE /api/drafts/d-1')).toHaveLength(0);

    await user.click(rows[0]!);
    const again = await screen.findByRole('dialog', { name: 'Delete this draft?' });
    await user.click(within(again).getByRole('button', { name: 'Delete the draft' }));
    await waitFor(() => expect(api.callsTo('DELETE /api/drafts/d-1')).toHaveLength(1));
    expect(await screen.findByText('Draft deleted, with its photo.')).toBeVisible();
  });
});
