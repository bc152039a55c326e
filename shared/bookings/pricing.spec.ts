import { type PricedPackage, priceBooking } from './pricing';

function aPackage(overrides: Partial<PricedPackage> = {}): PricedPackage {
  return {
    name: 'Executive portrait',
    durationMinutes: 60,
    priceCents: 25_000,
    currency: 'EUR',
    deposit: { kind: 'percent', percent: 30 },
    includedImages: 5,
    extraImagePriceCents: 2_500,
    deliveryDays: 5,
    location: 'studio',
    travelFeeCents: 4_000,
    ...overrides,
  };
}

describe(priceBooking.name, () => {
  it('charges no travel fee in the studio and takes a percentage deposit of the total', () => {
    expect(priceBooking(aPackage())).toMatchObject({
      travelFeeCents: 0,
      totalCents: 25_000,
      depositCents: 7_500,
      balanceCents: 17_500,
    });
  });

  it('adds the travel fee on location, and the deposit follows the total', () => {
    expect(priceBooking(aPackage({ location: 'on_location' }))).toMatchObject({
      travelFeeCents: 4_000,
      totalCents: 29_000,
      depositCents: 8_700,
      balanceCents: 20_300,
    });
  });

  it.each([
    [{ kind: 'fixed', cents: 5_000 } as const, 5_000],
    [{ kind: 'fixed', cents: 90_000 } as const, 25_000],
    [{ kind: 'percent', percent: 0 } as const, 0],
    [{ kind: 'percent', percent: 100 } as const, 25_000],
  ])('deposit %j → %s cents, never more than the total', (deposit, expected) => {
    const price = priceBooking(aPackage({ deposit }));
    expect(price.depositCents).toBe(expected);
    expect(price.depositCents + price.balanceCents).toBe(price.totalCents);
  });

  it('rounds a percentage deposit to a whole minor unit', () => {
    expect(
      priceBooking(aPackage({ priceCents: 999, deposit: { kind: 'percent', percent: 33 } }))
        .depositCents,
    ).toBe(330);
  });

  it.each([
    ['a percentage deposit', { kind: 'percent', percent: 30 } as const, 900, 24_100, 7_230],
    ['a fixed deposit', { kind: 'fixed', cents: 5_000 } as const, 900, 24_100, 5_000],
    [
      'a fixed deposit above the reduced total',
      { kind: 'fixed', cents: 5_000 } as const,
      22_000,
      3_000,
      3_000,
    ],
    // A credit always leaves the smallest card payment (0.50) to pay.
    ['a credit above the total', { kind: 'percent', percent: 30 } as const, 30_000, 50, 15],
  ])(
    'takes a draft credit off the total before %s (credit %s → total %s, deposit %s)',
    (_name, deposit, creditCents, total, depositCents) => {
      const price = priceBooking(aPackage({ deposit }), {
        draftId: 'draft-1',
        amountCents: creditCents,
      });
      expect(price).toMatchObject({
        packagePriceCents: 25_000,
        totalCents: total,
        depositCents,
        balanceCents: total - depositCents,
        draftCredit: { draftId: 'draft-1', amountCents: 25_000 - total },
      });
    },
  );

  it('has no credit line without a credit', () => {
    expect(priceBooking(aPackage())).not.toHaveProperty('draftCredit');
  });
});
