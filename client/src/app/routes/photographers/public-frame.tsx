import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { UserRole } from '@shared/auth/auth.types';
import { AppShell, type NavItem } from '@/components/ui/app-shell';
import { ButtonLink } from '@/components/ui/button';
import { useMe } from '@/features/auth/api/get-me';
import { RoleBadge } from '@/features/auth/components/role-badge';
import { authPath } from '../next-path';
import { preloadAuthPagesOnIntent as preload } from '../preload';
import './photographer-pages.css';

const directory: NavItem = { to: '/photographers', label: 'Photographers' };

/** The public pages' nav: the directory, plus the way back into the app when signed in. */
const navFor: Record<UserRole | 'visitor', readonly NavItem[]> = {
  visitor: [directory],
  client: [
    { to: '/app', label: 'Headshots', end: true },
    directory,
    { to: '/app/bookings', label: 'My bookings' },
  ],
  photographer: [
    { to: '/app', label: 'Studio', end: true },
    directory,
    { to: '/app/bookings', label: 'Bookings' },
  ],
  admin: [{ to: '/app', label: 'Operations', end: true }, directory],
};

/**
 * The frame of the public photographer pages: the app's header, so a signed-in client keeps
 * their nav, and log-in/sign-up links (that come back here) for everyone else.
 */
export function PublicFrame({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const user = me.data?.user;
  const here = location.pathname + location.search;

  return (
    <AppShell
      homeTo={user ? '/app' : '/'}
      nav={navFor[user?.role ?? 'visitor']}
      account={
        user ? (
          <div className="public-user">
            <span className="public-user__name">{user.name}</span>
            <RoleBadge role={user.role} />
          </div>
        ) : me.isPending ? null : (
          <>
            <ButtonLink
              {...preload}
              to={authPath('login', { next: here })}
              variant="ghost"
              size="sm"
            >
              Log in
            </ButtonLink>
            <ButtonLink {...preload} to={authPath('signup', { next: here })} size="sm">
              Sign up
            </ButtonLink>
          </>
        )
      }
    >
      {children}
    </AppShell>
  );
}
