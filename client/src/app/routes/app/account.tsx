import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import type { AccountDeletedDto } from '@shared/auth/account.types';
import type { UserDto } from '@shared/auth/auth.types';
import { formatMoney } from '@shared/money';
import { Card } from '@/components/ui/card';
import { AccountEmailSection } from '@/features/auth/components/account/account-email-section';
import { AccountNameForm } from '@/features/auth/components/account/account-name-form';
import { ChangePasswordForm } from '@/features/auth/components/account/change-password-form';
import { DeleteAccountSection } from '@/features/auth/components/account/delete-account-section';
import { SessionsList } from '@/features/auth/components/account/sessions-list';
import { RoleBadge } from '@/features/auth/components/role-badge';
import '@/features/auth/components/account/account.css';

const memberSince = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

function Section({
  id,
  title,
  lead,
  danger,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      as="section"
      padding="lg"
      aria-labelledby={id}
      className={['account-section', danger && 'danger-zone'].filter(Boolean).join(' ')}
    >
      <h2 id={id} className="account-section__title">
        {title}
      </h2>
      {lead ? <p className="account-section__lead">{lead}</p> : null}
      {children}
    </Card>
  );
}

/** "2 bookings were cancelled; refunds on their way: €44.70, €20.00." for the farewell toast. */
function cancelledSummary(result: AccountDeletedDto): string | undefined {
  const cancelled = result.cancelledBookings;
  if (cancelled.length === 0) return undefined;
  const refunds = cancelled
    .filter((booking) => booking.refundCents > 0)
    .map((booking) => formatMoney(booking.refundCents, booking.currency));
  const count =
    cancelled.length === 1
      ? '1 booking was cancelled'
      : `${cancelled.length} bookings were cancelled`;
  return refunds.length > 0
    ? `${count}; refunds on their way: ${refunds.join(', ')}.`
    : `${count}.`;
}

export function AccountRoute({ user }: { user: UserDto }) {
  const navigate = useNavigate();
  const leave = () => void navigate('/', { replace: true });

  return (
    <div className="app-page">
      <title>Account · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">Account</h1>
        <p className="page-lead">The details Lensbridge holds for you, and how you sign in.</p>
      </div>
      <div className="account-sections">
        <Section id="account-profile" title="Profile">
          <dl className="details">
            <div className="details__row">
              <dt>Role</dt>
              <dd>
                <RoleBadge role={user.role} />
              </dd>
            </div>
            <div className="details__row">
              <dt>Member since</dt>
              <dd>
                <time dateTime={user.createdAt}>
                  {memberSince.format(new Date(user.createdAt))}
                </time>
              </dd>
            </div>
          </dl>
          <AccountNameForm user={user} />
        </Section>
        <Section id="account-email" title="Email address">
          <AccountEmailSection user={user} />
        </Section>
        <Section
          id="account-password"
          title="Password"
          lead="Changing it signs out every other device."
        >
          <ChangePasswordForm />
        </Section>
        <Section
          id="account-sessions"
          title="Where you're signed in"
          lead="Sign out a device you no longer use or don't recognise."
        >
          <SessionsList onSignedOutHere={leave} />
        </Section>
        <Section id="account-delete" title="Delete your account" danger>
          <DeleteAccountSection
            role={user.role}
            onDeleted={(result) => {
              leave();
              toast.success('Your account was deleted', {
                description: cancelledSummary(result),
              });
            }}
          />
        </Section>
      </div>
    </div>
  );
}
