import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AdminPaymentDto } from '@shared/payments/payments.types';
import { aSession } from '@/testing/factories';
import { fakeApi, json, noContent } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function aPayment(overrides: Partial<AdminPaymentDto> = {}): AdminPaymentDto {
  return {
    id: 'p-1',
    purpose: 'booking',
    referenceId: '0b0b0b0b-1111-4222-8333-444455556666',
    kind: 'deposit',
    provider: 'stripe',
    status: 'succeeded',
    amountCents: 7_200,
    refundedCents: 0,
    currency: 'eur',
    createdAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

describe('Admin payments page', () => {
  it('lists payments and refunds part of a booking with a request id', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'admin' })),
      'GET /api/admin/payments': () =>
        json(200, {
          items: [
            aPayment(),
            aPayment({
              id: 'p-2',
              purpose: 'draft_unlock',
              kind: 'draft_unlock',
              amountCents: 900,
            }),
          ],
          page: 1,
          pageSize: 25,
          total: 2,
        }),
      'POST /api/admin/bookings/0b0b0b0b-1111-4222-8333-444455556666/refund': () => noContent(),
    });
    renderApp('/app/payments');
    expect(await screen.findByText(/€72\.00 · deposit/)).toBeVisible();
    expect(screen.getByText(/€9\.00 · draft unlock/)).toBeVisible();
    // Only the booking payment can be refunded here.
    expect(screen.getAllByRole('button', { name: 'Refund' })).toHaveLength(1);

    const input = screen.getByLabelText('Refund (EUR)');
    await userEvent.clear(input);
    await userEvent.type(input, '20');
    expect(screen.getByText('= €20.00')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Refund sent.')).toBeVisible();
    const call = api.callsTo(
      'POST /api/admin/bookings/0b0b0b0b-1111-4222-8333-444455556666/refund',
    )[0]!;
    expect(call.body).toEqual({
      amountCents: 2_000,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('refuses an amount that is not money without calling the server', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'admin' })),
      'GET /api/admin/payments': () =>
        json(200, { items: [aPayment()], page: 1, pageSize: 25, total: 1 }),
    });
    renderApp('/app/payments');
    const input = await screen.findByLabelText('Refund (EUR)');
    await userEvent.clear(input);
    await userEvent.type(input, 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(
      await screen.findByText('“lots” is not an amount — write it like 149 or 149.50'),
    ).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('refuses more than what is left of the payment', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'admin' })),
      'GET /api/admin/payments': () =>
        json(200, {
          items: [aPayment({ status: 'partially_refunded', refundedCents: 2_000 })],
          page: 1,
          pageSize: 25,
          total: 1,
        }),
    });
    renderApp('/app/payments');
    const input = await screen.findByLabelText('Refund (EUR)');
    expect(input).toHaveValue('52');
    await userEvent.clear(input);
    await userEvent.type(input, '52,01');
    await userEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('At most what is left: €52.00')).toBeVisible();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
