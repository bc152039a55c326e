import { isCharged, statusAfterRefunds } from './payment-status';

describe(statusAfterRefunds.name, () => {
  it.each([
    [20_000, 0, 'succeeded'],
    [20_000, 1, 'partially_refunded'],
    [20_000, 19_999, 'partially_refunded'],
    [20_000, 20_000, 'refunded'],
  ] as const)('a payment of %i with %i refunded is %s', (amount, refunded, status) => {
    expect(statusAfterRefunds(amount, refunded)).toBe(status);
  });
});

describe(isCharged.name, () => {
  it.each([
    ['pending', false],
    ['processing', false],
    ['failed', false],
    ['expired', false],
    ['succeeded', true],
    ['partially_refunded', true],
    ['refunded', true],
  ] as const)('%s → %s', (status, charged) => {
    expect(isCharged(status)).toBe(charged);
  });
});
