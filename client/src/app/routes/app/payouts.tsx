import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageLoader } from '@/components/ui/spinner';
import { useEarnings } from '@/features/payments/api/earnings';
import { usePayoutAccount } from '@/features/payments/api/payout-account';
import { AtStudioEarningsCard, EarningsCard } from '@/features/payments/components/earnings-card';
import { PayoutAccountCard } from '@/features/payments/components/payout-account-card';
import { describeError } from '@/lib/error-messages';

export function PayoutsRoute() {
  const account = usePayoutAccount();
  const online = account.data?.provider === 'stripe';
  const earnings = useEarnings();
  const [params] = useSearchParams();
  const returned = params.get('onboarding');

  return (
    <div className="app-page">
      <title>Payouts · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">Payouts</h1>
        <p className="page-lead">How you get paid for sessions booked on Lensbridge.</p>
      </div>
      {account.isPending ? <PageLoader label="Loading your payout account…" /> : null}
      {account.isError ? (
        <Alert tone="danger" title="Could not load your payout account">
          {describeError(account.error)}
        </Alert>
      ) : null}
      {account.data ? (
        <PayoutAccountCard
          account={account.data}
          returnedFromOnboarding={
            returned === 'done' || returned === 'retry' ? returned : undefined
          }
        />
      ) : null}
      {online && earnings.data ? <EarningsCard earnings={earnings.data} /> : null}
      {account.data && !online && earnings.data ? (
        <AtStudioEarningsCard atStudio={earnings.data.atStudio} />
      ) : null}
      {earnings.isError ? (
        <Alert tone="danger" title="Could not load your earnings">
          <p>{describeError(earnings.error)}</p>
          <Button variant="secondary" size="sm" onClick={() => void earnings.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
    </div>
  );
}
