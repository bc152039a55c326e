import { toast } from 'sonner';
import type { SessionInfoDto } from '@shared/auth/account.types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/error-messages';
import { dateTimeIn, viewerTimeZone } from '@/lib/zoned-time';
import { useRevokeSession, useSessions } from '../../api/sessions';
import './account.css';

function When({ at }: { at: string }) {
  return <time dateTime={at}>{dateTimeIn(at, viewerTimeZone())}</time>;
}

/** Names each row's button apart for screen readers: several rows may be "Chrome on Windows". */
function signOutLabel(session: SessionInfoDto): string {
  if (session.current) return `Sign out this device (${session.device})`;
  return `Sign out ${session.device}, last used ${dateTimeIn(session.lastUsedAt, viewerTimeZone())}`;
}

/**
 * Every device signed in to the account, this one first, each with its own Sign out. Signing
 * this device out logs this browser out: `onSignedOutHere` leaves the signed-in area.
 */
export function SessionsList({ onSignedOutHere }: { onSignedOutHere: () => void }) {
  const sessions = useSessions();
  const revoke = useRevokeSession({
    onSignedOut: (session) => {
      if (session.current) {
        onSignedOutHere();
        toast.success('You are signed out on this device');
      } else {
        toast.success(`Signed out ${session.device}`);
      }
    },
  });

  if (sessions.isPending) {
    return (
      <div className="session-list" role="status" aria-label="Loading where you're signed in">
        <Skeleton height="3.5rem" />
        <Skeleton height="3.5rem" />
      </div>
    );
  }
  if (sessions.isError) {
    return (
      <div className="stack">
        <Alert tone="danger" title="We couldn't load where you're signed in">
          {describeError(sessions.error)}
        </Alert>
        <div>
          <Button
            variant="secondary"
            size="sm"
            loading={sessions.isFetching}
            onClick={() => void sessions.refetch()}
          >
            Try again
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="stack">
      {revoke.isError ? (
        <Alert tone="danger" title="That device is still signed in">
          {describeError(revoke.error)}
        </Alert>
      ) : null}
      <ul className="session-list">
        {sessions.data.map((session) => (
          <li key={session.id} className="session-row">
            <div className="session-row__text">
              <p className="session-row__device">
                {session.device}
                {session.current ? <Badge tone="accent">This device</Badge> : null}
              </p>
              <p className="session-row__meta">
                Signed in <When at={session.createdAt} /> · Last used{' '}
                <When at={session.lastUsedAt} />
              </p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              aria-label={signOutLabel(session)}
              loading={revoke.isPending && revoke.variables?.id === session.id}
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(session)}
            >
              Sign out
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
