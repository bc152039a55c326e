import { decideSelection, type SelectionRequest } from './selection-rules';

function aSelection(overrides: Partial<SelectionRequest> = {}): SelectionRequest {
  return {
    count: 5,
    includedImages: 5,
    extraImagePriceCents: 2_500,
    acceptExtraCharge: false,
    provider: 'manual',
    paidExtraCount: 0,
    ...overrides,
  };
}

describe('decideSelection', () => {
  it('is free up to the included number', () => {
    expect(decideSelection(aSelection({ count: 3 }))).toEqual({
      ok: true,
      extraCount: 0,
      extraAmountCents: 0,
      charge: 'none',
    });
    expect(decideSelection(aSelection({ count: 5 })).ok).toBe(true);
  });

  it('refuses more than included without agreeing to pay, naming the price', () => {
    expect(decideSelection(aSelection({ count: 7 }))).toEqual({
      ok: false,
      reason: 'payment_required',
      extraCount: 2,
      extraAmountCents: 5_000,
    });
  });

  it('makes agreed extras due at the studio with the manual provider', () => {
    expect(decideSelection(aSelection({ count: 7, acceptExtraCharge: true }))).toMatchObject({
      ok: true,
      charge: 'due_at_studio',
      extraAmountCents: 5_000,
    });
  });

  it('sends agreed extras to one online checkout with Stripe', () => {
    expect(
      decideSelection(aSelection({ count: 8, acceptExtraCharge: true, provider: 'stripe' })),
    ).toMatchObject({ ok: true, charge: 'checkout', checkoutCents: 7_500 });
  });

  it('keeps a paid online selection valid, also when it shrinks', () => {
    const paid = { provider: 'stripe' as const, paidExtraCount: 2 };
    expect(decideSelection(aSelection({ count: 7, ...paid }))).toMatchObject({ charge: 'paid' });
    expect(decideSelection(aSelection({ count: 6, ...paid }))).toMatchObject({ charge: 'paid' });
  });

  it('refuses a second online top-up after extras were paid', () => {
    expect(
      decideSelection(
        aSelection({ count: 9, provider: 'stripe', paidExtraCount: 2, acceptExtraCharge: true }),
      ),
    ).toMatchObject({ ok: false, reason: 'extras_already_paid' });
  });

  it('lets a package with free extras take any number', () => {
    expect(decideSelection(aSelection({ count: 40, extraImagePriceCents: 0 }))).toMatchObject({
      ok: true,
      charge: 'none',
      extraCount: 35,
    });
  });
});
