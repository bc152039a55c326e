import type { PayoutAccountDto } from '@shared/payments/payments.types';
import { EmailNotVerifiedAlert } from '@/components/account/email-not-verified-alert';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { isEmailNotVerified } from '@/lib/email-verification';
import { describeError } from '@/lib/error-messages';
import { useStartPayoutOnboarding } from '../api/payout-account';
import './payout-account-card.css';

const STATUS: Record<PayoutAccountDto['status'], { label: string; tone: BadgeTone }> = {
  not_connected: { label: 'Not connected', tone: 'neutral' },
  onboarding: { label: 'Details needed', tone: 'warn' },
  active: { label: 'Ready for payouts', tone: 'success' },
};

/** Where a photographer's share goes, and the button to set it up with the payment provider. */
export function PayoutAccountCard({
  account,
  returnedFromOnboarding,
  navigate = (url) => window.location.assign(url),
}: {
  account: PayoutAccountDto;
  returnedFromOnboarding?: 'done' | 'retry';
  navigate?: (url: string) => void;
}) {
  const onboarding = useStartPayoutOnboarding({ navigate });

  if (account.provider === 'manual') {
    return (
      <Card padding="lg" className="payout-card">
        <h2 className="payout-card__title">Payments at the studio</h2>
        <p>
          Online payments are not switched on for this Lensbridge installation. Clients pay you
          directly at the session, and every booking says so. Nothing is charged or paid out through
          Lensbridge.
        </p>
      </Card>
    );
  }

  const status = STATUS[account.status];
  return (
    <Card padding="lg" className="payout-card">
      <div className="payout-card__header">
        <h2 className="payout-card__title">Payout account</h2>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      {returnedFromOnboarding === 'done' && account.status !== 'active' ? (
        <Alert tone="info" title="Thanks — your details are with Stripe">
          Stripe is checking them. This page shows “Ready for payouts” as soon as they confirm.
        </Alert>
      ) : null}
      {returnedFromOnboarding === 'retry' ? (
        <Alert tone="warn" title="The onboarding link expired">
          Open it again to carry on where you left off.
        </Alert>
      ) : null}
      <p>
        Clients pay Lensbridge when they book. Your share, after the platform fee, is sent to this
        account when you deliver the final images. Money for a session is held until then.
      </p>
      {account.status !== 'active' ? (
        <Button loading={onboarding.isPending} onClick={() => onboarding.mutate()}>
          {account.status === 'not_connected'
            ? 'Connect a payout account'
            : 'Finish setting up payouts'}
        </Button>
      ) : null}
      {onboarding.isError && isEmailNotVerified(onboarding.error) ? (
        <EmailNotVerifiedAlert />
      ) : onboarding.isError ? (
        <Alert tone="danger" title="Could not open payout onboarding">
          {describeError(onboarding.error)}
        </Alert>
      ) : null}
    </Card>
  );
}
