import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdminRefundRequestDto } from '@shared/payments/payments.types';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { aRefundRequest } from '@/testing/payment-factories';
import { renderApp } from '@/testing/render-app';

const page = (items: AdminRefundRequestDto[]) =>
  json(200, { items, page: 1, pageSize: 25, total: items.length });

const admin = {
  'GET /api/auth/me': () => json(200, aSession({ role: 'admin' })),
  'GET /api/admin/payments': () => json(200, { items: [], page: 1, pageSize: 25, total: 0 }),
};

const RETRYING = aRefundRequest({
  id: '11111111-1111-4111-8111-111111111111',
  status: 'retrying',
  attempts: 2,
  amountCents: 1_500,
  currency: 'jpy',
  reason: 'declined',
  lastError: 'The card issuer is not answering',
  nextAttemptAt: '2026-11-21T10:15:00.000Z',
  providerRefundId: null,
});
const FAILED = aRefundRequest({
  id: '22222222-2222-4222-8222-222222222222',
  status: 'failed',
  attempts: 8,
  reason: 'admin-5b1e7c1a-0000-4000-8000-000000000000',
  lastError: 'The charge was disputed',
  providerRefundId: null,
});
const SUCCEEDED = aRefundRequest({ reason: 'cancelled_by_client', providerRefundId: 're_3Pq8x2' });

async function refundsList() {
  return screen.findByRole('list', { name: 'Refunds' });
}

describe('Admin refunds', () => {
  it('lists each refund with its amount, reason in plain words, state and retries', async () => {
    fakeApi({ ...admin, 'GET /api/admin/refunds': () => page([RETRYING, FAILED, SUCCEEDED]) });
    renderApp('/app/payments');
    const rows = within(await refundsList()).getAllByRole('listitem');

    // Yen keep their own digits: 1500 is ¥1,500.
    expect(rows[0]).toHaveTextContent('JP¥1,500 · The photographer declined the booking');
    expect(within(rows[0]!).getByText('Retrying')).toBeVisible();
    expect(rows[0]).toHaveTextContent(
      `2 attempts so far · next try ${new Date('2026-11-21T10:15:00.000Z').toLocaleString('en-GB')} · last answer: The card issuer is not answering`,
    );
    expect(within(rows[0]!).getByRole('button', { name: 'Retry now' })).toBeVisible();

    expect(rows[1]).toHaveTextContent('€44.70 · Refunded by an admin');
    expect(within(rows[1]!).getByText('Failed')).toBeVisible();
    expect(rows[1]).toHaveTextContent('Gave up after 8 attempts: The charge was disputed');
    expect(within(rows[1]!).getByRole('button', { name: 'Retry now' })).toBeVisible();

    expect(rows[2]).toHaveTextContent('€44.70 · The client cancelled');
    expect(rows[2]).toHaveTextContent('provider refund re_3Pq8x2');
    expect(within(rows[2]!).queryByRole('button', { name: 'Retry now' })).toBeNull();
  });

  it('retries a failed refund now and shows the answer', async () => {
    let current = FAILED;
    const api = fakeApi({
      ...admin,
      'GET /api/admin/refunds': () => page([current]),
      [`POST /api/admin/refunds/${FAILED.id}/retry`]: () => {
        current = { ...FAILED, status: 'succeeded', attempts: 9, providerRefundId: 're_retry1' };
        return json(200, current);
      },
    });
    const { user } = renderApp('/app/payments');
    const list = await refundsList();
    await user.click(within(list).getByRole('button', { name: 'Retry now' }));

    expect(await within(list).findByText(/provider refund re_retry1/)).toBeVisible();
    expect(within(list).getByText('Refunded')).toBeVisible();
    expect(within(list).queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(api.callsTo(`POST /api/admin/refunds/${FAILED.id}/retry`)).toHaveLength(1);
  });

  it('says so when the refund had already gone through', async () => {
    fakeApi({
      ...admin,
      'GET /api/admin/refunds': () => page([RETRYING]),
      [`POST /api/admin/refunds/${RETRYING.id}/retry`]: () =>
        apiError(409, 'REFUND_NOT_RETRYABLE', 'This refund already succeeded'),
    });
    const { user } = renderApp('/app/payments');
    await user.click(within(await refundsList()).getByRole('button', { name: 'Retry now' }));
    expect(await screen.findByText(/has already gone through/)).toBeVisible();
  });

  it('filters by status and asks the server for that status only', async () => {
    const api = fakeApi({
      ...admin,
      'GET /api/admin/refunds': (call) =>
        page(call.query.get('status') === 'failed' ? [FAILED] : [RETRYING, FAILED, SUCCEEDED]),
    });
    const { user } = renderApp('/app/payments');
    expect(within(await refundsList()).getAllByRole('listitem')).toHaveLength(3);

    await user.selectOptions(screen.getByLabelText('Show'), 'Failed');
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Refunds' })).getAllByRole('listitem'),
      ).toHaveLength(1),
    );
    expect(api.callsTo('GET /api/admin/refunds').at(-1)!.query.get('status')).toBe('failed');
  });

  it('says when there are no refunds, and when none has a status', async () => {
    fakeApi({ ...admin, 'GET /api/admin/refunds': () => page([]) });
    const { user } = renderApp('/app/payments');
    expect(await screen.findByText(/No refunds yet/)).toBeVisible();
    await user.selectOptions(screen.getByLabelText('Show'), 'Retrying');
    expect(await screen.findByText('No retrying refunds.')).toBeVisible();
  });

  it('offers to try again when the list does not load', async () => {
    let fail = true;
    fakeApi({
      ...admin,
      'GET /api/admin/refunds': () =>
        fail ? apiError(500, 'INTERNAL', 'Boom') : page([SUCCEEDED]),
    });
    const { user } = renderApp('/app/payments');
    expect(await screen.findByText('Could not load the refunds')).toBeVisible();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(within(await refundsList()).getAllByRole('listitem')).toHaveLength(1);
  });
});
