import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageLoader } from '@/components/ui/spinner';
import {
  useAdminPhotographers,
  useApprovePhotographer,
} from '@/features/photographers/api/admin-photographers';
import './admin-photographers.css';
import { describeError } from '@/lib/error-messages';

/** Admins approve new photographer profiles before the directory lists them. */
export default function AdminPhotographersRoute() {
  const list = useAdminPhotographers();
  const approve = useApprovePhotographer();
  const profiles = [...(list.data ?? [])].sort(
    (a, b) => Number(a.approved) - Number(b.approved) || a.displayName.localeCompare(b.displayName),
  );
  const waiting = profiles.filter((p) => !p.approved).length;

  return (
    <div className="app-page">
      <title>Photographers · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">Photographers</h1>
        <p className="page-lead">
          New profiles wait for your approval; a profile is listed once it is approved and its
          photographer publishes it.
          {list.data ? ` ${waiting} waiting.` : ''}
        </p>
      </div>
      {list.isPending ? <PageLoader label="Loading photographers…" /> : null}
      {list.isError ? (
        <Alert tone="danger" title="Could not load photographers">
          {describeError(list.error)}
        </Alert>
      ) : null}
      {approve.isError ? (
        <Alert tone="danger" title="Could not approve">
          {describeError(approve.error)}
        </Alert>
      ) : null}
      <ul className="admin-photographers" aria-label="Photographer profiles">
        {profiles.map((p) => (
          <li key={p.id}>
            <Card className="admin-photographer">
              <div className="stack" style={{ ['--stack-gap' as string]: 'var(--space-1)' }}>
                <h2 className="step-card__title">
                  {p.approved && p.published ? (
                    <Link to={`/photographers/${p.id}`}>{p.displayName}</Link>
                  ) : (
                    p.displayName
                  )}
                </h2>
                <p className="text-sm text-muted">
                  {p.city} · {p.timeZone} · {p.packages.filter((k) => k.active).length} packages ·{' '}
                  {p.portfolio.length} pictures
                </p>
                <p>
                  {p.approved ? (
                    <Badge tone="success">Approved</Badge>
                  ) : (
                    <Badge tone="warn">Waiting for approval</Badge>
                  )}{' '}
                  {p.published ? <Badge>Published</Badge> : <Badge>Not published</Badge>}
                </p>
              </div>
              {p.approved ? null : (
                <Button
                  size="sm"
                  loading={approve.isPending && approve.variables === p.id}
                  onClick={() => approve.mutate(p.id)}
                >
                  Approve
                </Button>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
