import { sessionPaymentStatus } from './session-payment-status';

describe(sessionPaymentStatus.name, () => {
  it.each([
    [{ paidCents: 7_200, refundedCents: 0, dueCents: 16_800 }, 'deposit_paid'],
    [{ paidCents: 24_000, refundedCents: 0, dueCents: 0 }, 'paid'],
    [{ paidCents: 7_200, refundedCents: 1_000, dueCents: 16_800 }, 'partially_refunded'],
    [{ paidCents: 24_000, refundedCents: 5_000, dueCents: 0 }, 'partially_refunded'],
    [{ paidCents: 7_200, refundedCents: 7_200, dueCents: 0 }, 'refunded'],
    [{ paidCents: 0, refundedCents: 0, dueCents: 0 }, 'paid'],
  ] as const)('%o → %s', (money, expected) => {
    expect(sessionPaymentStatus(money)).toBe(expected);
  });
});
