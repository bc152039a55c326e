import { Link } from 'react-router';
import type { UserRole } from '@shared/auth/auth.types';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageLoader } from '@/components/ui/spinner';
import { describeError } from '@/lib/error-messages';
import { useDeliveries } from '../api/gallery';
import { dateTimeIn } from './format';
import { PromiseBadge, PromiseText } from './promise-badge';
import './gallery.css';

/** Photographers: what is overdue and due soon, first. Clients: their galleries and promised dates. */
export function DeliveriesList({ role }: { role: UserRole }) {
  const deliveries = useDeliveries();
  const photographer = role !== 'client';
  return (
    <div className="app-page gallery-page">
      <title>{photographer ? 'Deliveries · Lensbridge' : 'Your photos · Lensbridge'}</title>
      <div className="app-page__header">
        <h1 className="page-title">{photographer ? 'Deliveries' : 'Your photos'}</h1>
        <p className="page-lead">
          {photographer
            ? 'Sessions that happened, with the date each delivery is promised. Overdue and due soon come first.'
            : 'Your sessions, their galleries and the date your finals are promised.'}
        </p>
      </div>
      {deliveries.isPending ? <PageLoader label="Loading deliveries…" /> : null}
      {deliveries.isError ? <Alert tone="danger">{describeError(deliveries.error)}</Alert> : null}
      {deliveries.data?.length === 0 ? (
        <Card>
          <p>No sessions to deliver yet.</p>
        </Card>
      ) : null}
      <ul className="delivery-list">
        {deliveries.data?.map((d) => (
          <li key={d.bookingId}>
            <Card className={`delivery-row delivery-row--${d.promise.flag}`}>
              <div className="delivery-row__main">
                <Link to={`/app/deliveries/${d.bookingId}`} className="delivery-row__title">
                  {photographer ? d.clientName : d.photographerName} · {d.packageName}
                </Link>
                <span className="gallery-muted">
                  Session {dateTimeIn(d.sessionStartsAt, d.timeZone)} ({d.timeZone})
                </span>
                <span>
                  <PromiseText promise={d.promise} />
                </span>
              </div>
              <div className="delivery-row__side">
                <PromiseBadge promise={d.promise} />
                <span className="gallery-muted">
                  {d.proofCount} proofs · {d.selectedCount} chosen · {d.finalCount} finals
                </span>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
