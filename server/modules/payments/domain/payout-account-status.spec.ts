import { payoutAccountStatus } from './payout-account-status';

describe(payoutAccountStatus.name, () => {
  it.each([
    [false, false, 'onboarding'],
    [false, true, 'onboarding'],
    [true, false, 'onboarding'],
    [true, true, 'active'],
  ] as const)(
    'payouts %s, details submitted %s → %s',
    (payoutsEnabled, detailsSubmitted, status) => {
      expect(payoutAccountStatus({ payoutsEnabled, detailsSubmitted })).toBe(status);
    },
  );
});
