import type { UserDto } from '@shared/auth/auth.types';
import { Card } from '@/components/ui/card';
import { RoleBadge } from '@/features/auth/components/role-badge';

const memberSince = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

export function AccountRoute({ user }: { user: UserDto }) {
  return (
    <div className="app-page">
      <title>Account · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">Account</h1>
        <p className="page-lead">The details Lensbridge holds for you.</p>
      </div>
      <Card padding="lg" className="account-card">
        <dl className="details">
          <div className="details__row">
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div className="details__row">
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div className="details__row">
            <dt>Role</dt>
            <dd>
              <RoleBadge role={user.role} />
            </dd>
          </div>
          <div className="details__row">
            <dt>Member since</dt>
            <dd>
              <time dateTime={user.createdAt}>{memberSince.format(new Date(user.createdAt))}</time>
            </dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}
