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
});
