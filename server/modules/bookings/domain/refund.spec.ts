import { refundForCancellation } from './refund';

const STARTS = new Date('2025-06-20T10:00:00Z');
const TIERS = [
  { minHoursBefore: 48, refundPercent: 50 },
  { minHoursBefore: 168, refundPercent: 100 },
];
const hoursBefore = (h: number) => new Date(STARTS.getTime() - h * 3_600_000);

describe(refundForCancellation.name, () => {
  it.each([
    [200, 100, 12_000, 'At least 7 days before: 100 % back'],
    [168, 100, 12_000, 'At least 7 days before: 100 % back'],
    [167.9, 50, 6_000, 'At least 2 days before: 50 % back'],
    [48, 50, 6_000, 'At least 2 days before: 50 % back'],
    [47.9, 0, 0, 'Less than 2 days before: nothing back'],
    [1, 0, 0, 'Less than 2 days before: nothing back'],
  ])('%s h before the start: %s %% (%s cents of 12 000)', (h, percent, cents, label) => {
    const decision = refundForCancellation({
      tiers: TIERS,
      amountPaidCents: 12_000,
      startsAt: STARTS,
      now: hoursBefore(h),
      cancelledBy: 'client',
    });
    expect(decision).toMatchObject({
      refundPercent: percent,
      refundCents: cents,
      tierLabel: label,
    });
  });

  it('refunds everything when the photographer cancels, however late', () => {
    const decision = refundForCancellation({
      tiers: TIERS,
      amountPaidCents: 9_999,
      startsAt: STARTS,
      now: hoursBefore(1),
      cancelledBy: 'photographer',
    });
    expect(decision).toMatchObject({ refundPercent: 100, refundCents: 9_999 });
  });

  it('rounds a share down to a whole minor unit', () => {
    const decision = refundForCancellation({
      tiers: [{ minHoursBefore: 0, refundPercent: 33 }],
      amountPaidCents: 1_001,
      startsAt: STARTS,
      now: hoursBefore(3),
      cancelledBy: 'client',
    });
    expect(decision.refundCents).toBe(330);
  });

  it('refunds nothing when nothing was paid (payment due at the studio)', () => {
    const decision = refundForCancellation({
      tiers: TIERS,
      amountPaidCents: 0,
      startsAt: STARTS,
      now: hoursBefore(500),
      cancelledBy: 'client',
    });
    expect(decision).toMatchObject({ refundPercent: 100, refundCents: 0 });
  });
});
