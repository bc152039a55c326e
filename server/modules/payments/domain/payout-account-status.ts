import type { PayoutAccountStatus } from '../../../../shared/payments/payments.types';

/** What the provider's account flags mean for the photographer. */
export function payoutAccountStatus(account: {
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}): PayoutAccountStatus {
  return account.payoutsEnabled && account.detailsSubmitted ? 'active' : 'onboarding';
}
