import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { SessionDto } from '@shared/auth/auth.types';
import { Button } from '@/components/ui/button';
import { PageLoader } from '@/components/ui/spinner';
import { useMe } from '@/features/auth/api/get-me';
import { describeError } from '@/lib/error-messages';
import { loginPath } from '../next-path';
import { StatusPage } from '../not-found';

/**
 * Renders its children only for a signed-in person; sends everyone else to log in and back.
 * Lives in the main bundle so signed-out visitors never download the app area.
 */
export function RequireAuth({ children }: { children: (session: SessionDto) => ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.data) return children(me.data);
  if (me.data === null) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (me.isError) {
    return (
      <StatusPage
        eyebrow="Connection problem"
        title="We couldn't check your session"
        text={describeError(me.error)}
        action={
          <Button variant="secondary" loading={me.isFetching} onClick={() => void me.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  return <PageLoader label="Checking your session…" />;
}
