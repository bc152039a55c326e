import fc from 'fast-check';
import { proportionalReversal, refundableCents, splitPlatformFee } from './money-split';

describe(splitPlatformFee.name, () => {
  it.each([
    [20_000, 15, 3_000, 17_000],
    [999, 15, 149, 850],
    [1, 15, 0, 1],
    [0, 15, 0, 0],
  ])('%i at %i %% → fee %i, photographer %i', (amount, percent, fee, share) => {
    expect(splitPlatformFee(amount, percent)).toEqual({ feeCents: fee, shareCents: share });
  });

  it('always adds up to the amount exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 50 }),
        (amount, percent) => {
          const { feeCents, shareCents } = splitPlatformFee(amount, percent);
          return feeCents + shareCents === amount && feeCents >= 0 && shareCents >= 0;
        },
      ),
    );
  });

  it('refuses fractions of a cent', () => {
    expect(() => splitPlatformFee(10.5, 15)).toThrow(/minor units/);
  });
});

describe(proportionalReversal.name, () => {
  it('takes back the refunded share of the transfer', () => {
    // Charged 200.00, photographer got 170.00; a 50 % refund reverses 85.00.
    expect(
      proportionalReversal({
        transferredCents: 17_000,
        alreadyReversedCents: 0,
        chargedCents: 20_000,
        refundCents: 10_000,
      }),
    ).toBe(8_500);
  });

  it('never reverses more than is left of the transfer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (charged, transferPercent, refundPercent) => {
          const transferred = Math.floor((charged * transferPercent) / 100);
          const refund = Math.floor((charged * refundPercent) / 100);
          const first = proportionalReversal({
            transferredCents: transferred,
            alreadyReversedCents: 0,
            chargedCents: charged,
            refundCents: refund,
          });
          const second = proportionalReversal({
            transferredCents: transferred,
            alreadyReversedCents: first,
            chargedCents: charged,
            refundCents: charged,
          });
          return first >= 0 && first + second <= transferred;
        },
      ),
    );
  });
});

describe(refundableCents.name, () => {
  it('is what was paid minus what was refunded, never negative', () => {
    expect(refundableCents({ amountCents: 6_000, refundedCents: 2_000 })).toBe(4_000);
    expect(refundableCents({ amountCents: 6_000, refundedCents: 7_000 })).toBe(0);
  });
});
