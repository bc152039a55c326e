import { amountDueCents } from './amount-due';

describe(amountDueCents.name, () => {
  it.each([
    ['a held booking not paid yet owes the total', 'held', 24_000, 0, 24_000],
    ['a deposit-paid booking owes the balance', 'confirmed', 24_000, 7_200, 16_800],
    ['a fully paid booking owes nothing', 'confirmed', 24_000, 24_000, 0],
    ['a completed booking still owes its balance', 'completed', 24_000, 7_200, 16_800],
    ['an expired hold owes nothing', 'expired', 24_000, 0, 0],
    ['a cancelled booking owes nothing', 'cancelled_by_client', 24_000, 7_200, 0],
    ['a declined request owes nothing', 'declined', 24_000, 7_200, 0],
    ['paying more than the total never makes "due" negative', 'confirmed', 24_000, 30_000, 0],
  ] as const)('%s', (_, status, totalCents, amountPaidCents, due) => {
    expect(amountDueCents({ status, totalCents, amountPaidCents })).toBe(due);
  });

  it('is not changed by refunds: it takes no refund at all', () => {
    // The input type has no refunded amount: a refund cannot make money due again.
    const paid = { status: 'confirmed' as const, totalCents: 24_000, amountPaidCents: 24_000 };
    expect(amountDueCents({ ...paid, ...{ amountRefundedCents: 5_000 } })).toBe(0);
  });
});
