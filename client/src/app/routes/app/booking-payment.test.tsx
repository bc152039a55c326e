import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { aBooking, aBookingPayment } from '@/testing/booking-factories';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const ledger = (currency = 'EUR') => ({ currency, paidCents: 0, refundedCents: 0, entries: [] });

function openBooking(
  booking: BookingDto,
  role: 'client' | 'photographer' = 'client',
  url = `/app/bookings/${booking.id}`,
) {
  const page = (items: unknown[]) =>
    json(200, { items, page: 1, pageSize: 100, total: items.length });
  fakeApi({
    'GET /api/auth/me': () => json(200, aSession({ role })),
    'GET /api/bookings': () => page([booking]),
    [`GET /api/bookings/${booking.id}`]: () => json(200, booking),
    [`GET /api/bookings/${booking.id}/events`]: () => json(200, []),
    [`GET /api/bookings/${booking.id}/payments`]: () => json(200, ledger(booking.payment.currency)),
  });
  return renderApp(url);
}

async function paymentCard() {
  const heading = await screen.findByRole('heading', { name: 'Payment' });
  return heading.closest('section, div.card, [aria-labelledby]') as HTMLElement;
}

function row(card: HTMLElement, label: string) {
  return within(card).getByText(label, { selector: 'dt' }).parentElement!;
}

describe('a booking’s payment', () => {
  it('shows paid, refunded and still due on their own lines', async () => {
    openBooking(
      aBooking({
        payment: aBookingPayment({
          provider: 'stripe',
          status: 'partially_refunded',
          amountPaidCents: 4_470,
          amountRefundedCents: 1_000,
          amountDueCents: 10_430,
          label: 'Deposit paid, part refunded',
        }),
      }),
    );
    const card = await paymentCard();
    expect(row(card, 'Paid')).toHaveTextContent('€44.70');
    expect(row(card, 'Refunded')).toHaveTextContent('€10.00');
    // A refund never makes money due again: still due is the balance under the terms.
    expect(row(card, 'Still due')).toHaveTextContent('€104.30');
  });

  it('leaves out the refunded line when nothing was refunded', async () => {
    openBooking(
      aBooking({
        payment: aBookingPayment({
          provider: 'stripe',
          status: 'paid',
          amountPaidCents: 14_900,
          amountDueCents: 0,
          label: 'Paid in full',
        }),
      }),
    );
    const card = await paymentCard();
    expect(row(card, 'Paid')).toHaveTextContent('€149.00');
    expect(within(card).queryByText('Refunded')).toBeNull();
    expect(row(card, 'Still due')).toHaveTextContent('€0.00');
  });

  it('writes amounts in the payment’s own currency and digits', async () => {
    const booking = aBooking({
      price: { ...aBooking().price, currency: 'JPY', totalCents: 15_000 },
      payment: aBookingPayment({
        provider: 'stripe',
        status: 'deposit_paid',
        currency: 'JPY',
        amountPaidCents: 4_500,
        amountDueCents: 10_500,
        label: 'Deposit paid',
      }),
    });
    openBooking(booking);
    const card = await paymentCard();
    expect(row(card, 'Paid')).toHaveTextContent('JP¥4,500');
    expect(row(card, 'Still due')).toHaveTextContent('JP¥10,500');
  });

  it('tells a client their direct debit is on its way and the time stays held, with nothing to pay twice', async () => {
    openBooking(
      aBooking({
        status: 'held',
        holdExpiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
        payment: aBookingPayment({
          provider: 'stripe',
          status: 'payment_processing',
          amountDueCents: 4_470,
          label: 'Payment on its way',
        }),
      }),
    );
    expect(
      await screen.findByText(
        'Your bank transfer / direct debit is on its way — the time stays held for you until it arrives.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Pay/ })).toBeNull();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('tells a client a failed payment released the time, and offers to book again', async () => {
    const booking = aBooking({
      status: 'expired',
      payment: aBookingPayment({
        provider: 'stripe',
        status: 'payment_failed',
        amountDueCents: 0,
        label: 'Payment failed',
      }),
    });
    openBooking(booking);
    expect(
      await screen.findByText(
        'The payment did not go through — the time was released; book again.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Book again' })).toHaveAttribute(
      'href',
      `/photographers/${booking.photographer.id}`,
    );
  });

  it('shows the photographer a client’s payment on its way in the bookings list', async () => {
    const booking = aBooking({
      status: 'held',
      holdExpiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      payment: aBookingPayment({ provider: 'stripe', status: 'payment_processing' }),
    });
    openBooking(booking, 'photographer', '/app/bookings');
    const list = await screen.findByRole('list', { name: /upcoming/i });
    expect(
      within(list).getByText(
        'Their bank transfer / direct debit is on its way — the time stays held until it arrives.',
      ),
    ).toBeVisible();
  });
});
