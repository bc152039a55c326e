import {
  availableDraftCredits,
  decideDraftCredit,
  type CreditRequest,
  type PaidUnlock,
} from './draft-credit';

const NOW = new Date('2026-06-30T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 3_600_000);
const CLIENT = 'client-1';

function anUnlock(overrides: Partial<PaidUnlock> = {}): PaidUnlock {
  return {
    paymentId: 'pay-1',
    draftId: 'draft-1',
    payerId: CLIENT,
    status: 'succeeded',
    amountCents: 900,
    refundedCents: 0,
    currency: 'eur',
    paidAt: daysAgo(3),
    ...overrides,
  };
}

function aRequest(overrides: Partial<CreditRequest> = {}): CreditRequest {
  return {
    draftId: 'draft-1',
    clientId: CLIENT,
    currency: 'EUR',
    totalCents: 24_000,
    now: NOW,
    draftOwned: true,
    ...overrides,
  };
}

describe(decideDraftCredit.name, () => {
  it.each<[string, PaidUnlock[], string[], Partial<CreditRequest>, number | string]>([
    ['paid 3 days ago, same currency (any case)', [anUnlock()], [], {}, 900],
    ['paid 29.9 days ago', [anUnlock({ paidAt: daysAgo(29.9) })], [], {}, 900],
    ['exactly 30 days ago', [anUnlock({ paidAt: daysAgo(30) })], [], {}, 'CREDIT_EXPIRED'],
    ['paid 45 days ago', [anUnlock({ paidAt: daysAgo(45) })], [], {}, 'CREDIT_EXPIRED'],
    [
      'never above the booking total less the smallest card payment',
      [anUnlock()],
      [],
      { totalCents: 500 },
      450,
    ],
    [
      'a booking of the smallest card payment has nothing to credit',
      [anUnlock()],
      [],
      { totalCents: 50 },
      'CREDIT_NOT_AVAILABLE',
    ],
    [
      'a free booking has nothing to credit',
      [anUnlock()],
      [],
      { totalCents: 0 },
      'CREDIT_NOT_AVAILABLE',
    ],
    [
      'partly refunded: the net is credited',
      [anUnlock({ status: 'partially_refunded', refundedCents: 400 })],
      [],
      {},
      500,
    ],
    [
      'refunded in full',
      [anUnlock({ status: 'refunded', refundedCents: 900 })],
      [],
      {},
      'CREDIT_NOT_AVAILABLE',
    ],
    [
      'checkout still open',
      [anUnlock({ status: 'pending', paidAt: null })],
      [],
      {},
      'CREDIT_NOT_AVAILABLE',
    ],
    [
      'checkout expired',
      [anUnlock({ status: 'expired', paidAt: null })],
      [],
      {},
      'CREDIT_NOT_AVAILABLE',
    ],
    ['own draft never paid (manual unlock)', [], [], {}, 'CREDIT_NOT_AVAILABLE'],
    ['another currency', [anUnlock()], [], { currency: 'USD' }, 'CREDIT_NOT_AVAILABLE'],
    ['already credited', [anUnlock()], ['pay-1'], {}, 'CREDIT_ALREADY_USED'],
    ['someone else’s draft', [], [], { draftOwned: false }, 'DRAFT_NOT_FOUND'],
    [
      'someone else paid for it',
      [anUnlock({ payerId: 'client-2' })],
      [],
      { draftOwned: false },
      'DRAFT_NOT_FOUND',
    ],
    [
      'their draft was deleted, the payment still counts',
      [anUnlock()],
      [],
      { draftOwned: false },
      900,
    ],
    [
      'another draft’s unlock does not count',
      [anUnlock({ draftId: 'draft-2' })],
      [],
      {},
      'CREDIT_NOT_AVAILABLE',
    ],
  ])('%s → %s', (_name, unlocks, credited, request, expected) => {
    const decision = decideDraftCredit(unlocks, new Set(credited), aRequest(request));
    if (typeof expected === 'number') {
      expect(decision).toMatchObject({ ok: true, amountCents: expected, draftId: 'draft-1' });
    } else {
      expect(decision).toMatchObject({ ok: false, code: expected });
    }
  });

  it('expires 30 days after the payment', () => {
    const decision = decideDraftCredit([anUnlock({ paidAt: daysAgo(10) })], new Set(), aRequest());
    expect(decision).toMatchObject({ ok: true, expiresAt: daysAgo(-20), paymentId: 'pay-1' });
  });
});

describe(availableDraftCredits.name, () => {
  it('lists only the client’s paid, unused, unexpired unlocks, soonest expiry first', () => {
    const unlocks = [
      anUnlock({ paymentId: 'a', draftId: 'd-a', paidAt: daysAgo(2) }),
      anUnlock({ paymentId: 'b', draftId: 'd-b', paidAt: daysAgo(20) }),
      anUnlock({ paymentId: 'c', draftId: 'd-c', paidAt: daysAgo(31) }),
      anUnlock({ paymentId: 'd', draftId: 'd-d' }),
      anUnlock({ paymentId: 'e', draftId: 'd-e', payerId: 'client-2' }),
      anUnlock({ paymentId: 'f', draftId: 'd-f', status: 'refunded', refundedCents: 900 }),
      anUnlock({ paymentId: 'g', draftId: 'd-g', status: 'pending', paidAt: null }),
      anUnlock({ paymentId: 'h', draftId: 'd-h', currency: 'usd', amountCents: 1_000 }),
    ];
    expect(
      availableDraftCredits(unlocks, new Set(['d']), CLIENT, NOW).map((c) => [
        c.draftId,
        c.amountCents,
        c.currency,
      ]),
    ).toEqual([
      ['d-b', 900, 'eur'],
      ['d-h', 1_000, 'usd'],
      ['d-a', 900, 'eur'],
    ]);
  });
});
