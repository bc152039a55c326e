import { lazy, Suspense } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import type { SessionDto, UserDto, UserRole } from '@shared/auth/auth.types';
import { Alert } from '@/components/ui/alert';
import { AppShell, type NavItem } from '@/components/ui/app-shell';
import { Button } from '@/components/ui/button';
import { PageLoader } from '@/components/ui/spinner';
import { useLogout } from '@/features/auth/api/logout';
import { RoleBadge } from '@/features/auth/components/role-badge';
import { describeError } from '@/lib/error-messages';
import { AccountRoute } from './account';
import { AppNotFoundRoute } from './app-not-found';
import { RoleHomeRoute } from './home';
import { PayoutsRoute } from './payouts';
import { UnverifiedEmailBanner } from './unverified-email-banner';
import './app-area.css';

/** The draft studio is heavy (upload, sliders, report): its own chunk, loaded on first visit. */
const DraftsRoute = lazy(() => import('./drafts'));
/** AI draft against studio sessions, with its chart: its own chunk too. */
const CompareRoute = lazy(() => import('./compare'));
/** Galleries and deliveries (every role) and the admin outbox, each its own chunk. */
const DeliveriesArea = lazy(() => import('./deliveries'));
const OutboxRoute = lazy(() => import('./outbox'));
const AdminPaymentsRoute = lazy(() => import('./admin-payments'));
/** Bookings (every role), the photographer's studio editors and the admin approvals. */
const BookingsArea = lazy(() => import('./bookings'));
const StudioArea = lazy(() => import('./studio'));
const AdminPhotographersRoute = lazy(() => import('./admin-photographers'));

/** Only pages that exist. Each role's home is named for what that person does here. */
const navByRole: Record<UserRole, readonly NavItem[]> = {
  client: [
    { to: '/app', label: 'Headshots', end: true },
    { to: '/app/drafts', label: 'AI drafts' },
    { to: '/app/compare', label: 'Compare' },
    { to: '/photographers', label: 'Photographers' },
    { to: '/app/bookings', label: 'My bookings' },
    { to: '/app/deliveries', label: 'Photos' },
    { to: '/app/account', label: 'Account' },
  ],
  photographer: [
    { to: '/app', label: 'Studio', end: true },
    { to: '/app/studio', label: 'Studio setup' },
    { to: '/app/bookings', label: 'Bookings' },
    { to: '/app/deliveries', label: 'Deliveries' },
    { to: '/app/payouts', label: 'Payouts' },
    { to: '/app/account', label: 'Account' },
  ],
  admin: [
    { to: '/app', label: 'Operations', end: true },
    { to: '/app/photographers', label: 'Photographers' },
    { to: '/app/bookings', label: 'Bookings' },
    { to: '/app/payments', label: 'Payments' },
    { to: '/app/outbox', label: 'Outbox' },
    { to: '/app/account', label: 'Account' },
  ],
};

/** The signed-in area (`/app/*`), loaded as its own chunk. */
export default function AppArea({ session }: { session: SessionDto }) {
  const navigate = useNavigate();
  const logout = useLogout({ onLoggedOut: () => void navigate('/', { replace: true }) });
  const { user } = session;

  return (
    <AppShell
      homeTo="/app"
      nav={navByRole[user.role]}
      account={
        <>
          <CurrentUser user={user} />
          <Button
            variant="secondary"
            size="sm"
            loading={logout.isPending}
            onClick={() => logout.mutate()}
          >
            Log out
          </Button>
        </>
      }
      banner={
        logout.isError || !user.emailVerified ? (
          <div className="stack">
            {logout.isError ? (
              <Alert tone="danger" title="You're still logged in">
                {describeError(logout.error)}
              </Alert>
            ) : null}
            {user.emailVerified ? null : <UnverifiedEmailBanner user={user} />}
          </div>
        ) : null
      }
    >
      <Routes>
        <Route index element={<RoleHomeRoute user={user} />} />
        <Route path="account" element={<AccountRoute user={user} />} />
        {user.role === 'client' ? (
          <Route
            path="drafts/*"
            element={
              <Suspense fallback={<PageLoader label="Opening the draft studio…" />}>
                <DraftsRoute />
              </Suspense>
            }
          />
        ) : null}
        {user.role === 'client' ? (
          <Route
            path="compare"
            element={
              <Suspense fallback={<PageLoader label="Opening the comparison…" />}>
                <CompareRoute />
              </Suspense>
            }
          />
        ) : null}
        {user.role === 'photographer' ? <Route path="payouts" element={<PayoutsRoute />} /> : null}
        <Route
          path="bookings/*"
          element={
            <Suspense fallback={<PageLoader label="Loading bookings…" />}>
              <BookingsArea user={user} />
            </Suspense>
          }
        />
        {user.role === 'photographer' ? (
          <Route
            path="studio/*"
            element={
              <Suspense fallback={<PageLoader label="Opening your studio…" />}>
                <StudioArea />
              </Suspense>
            }
          />
        ) : null}
        {user.role === 'admin' ? (
          <Route
            path="photographers"
            element={
              <Suspense fallback={<PageLoader label="Loading photographers…" />}>
                <AdminPhotographersRoute />
              </Suspense>
            }
          />
        ) : null}
        <Route
          path="deliveries/*"
          element={
            <Suspense fallback={<PageLoader label="Opening deliveries…" />}>
              <DeliveriesArea user={user} />
            </Suspense>
          }
        />
        {user.role === 'admin' ? (
          <Route
            path="payments"
            element={
              <Suspense fallback={<PageLoader label="Opening payments…" />}>
                <AdminPaymentsRoute />
              </Suspense>
            }
          />
        ) : null}
        {user.role === 'admin' ? (
          <Route
            path="outbox"
            element={
              <Suspense fallback={<PageLoader label="Opening the outbox…" />}>
                <OutboxRoute />
              </Suspense>
            }
          />
        ) : null}
        <Route path="*" element={<AppNotFoundRoute />} />
      </Routes>
    </AppShell>
  );
}

function CurrentUser({ user }: { user: UserDto }) {
  return (
    <div className="current-user">
      <span className="current-user__avatar" aria-hidden="true">
        {initials(user.name)}
      </span>
      <span className="current-user__name">{user.name}</span>
      <RoleBadge role={user.role} />
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
