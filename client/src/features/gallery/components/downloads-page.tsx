import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageLoader } from '@/components/ui/spinner';
import { describeError } from '@/lib/error-messages';
import { useDownloads } from '../api/gallery';
import { dateTimeIn, fileSize } from './format';
import './gallery.css';

/** Full-resolution finals through personal links that expire (the page fetches fresh ones). */
export function DownloadsPage({
  bookingId,
  finalsNote,
}: {
  bookingId: string;
  /** Shown with the files, e.g. how they are signed. */
  finalsNote?: ReactNode;
}) {
  const downloads = useDownloads(bookingId);
  if (downloads.isPending) return <PageLoader label="Preparing your download links…" />;
  if (downloads.isError) {
    return (
      <Alert tone="danger" title="Downloads are not available">
        {describeError(downloads.error)}
      </Alert>
    );
  }
  const { zip, finals, expiresAt } = downloads.data;
  const total = finals.reduce((sum, f) => sum + (f.bytes ?? 0), 0);
  return (
    <div className="app-page app-page--narrow gallery-page">
      <title>Download your photos · Lensbridge</title>
      <div className="app-page__header">
        <p className="gallery-muted">
          <Link to={`/app/deliveries/${bookingId}`}>← Back to the gallery</Link>
        </p>
        <h1 className="page-title">Download your photos</h1>
        <p className="page-lead">
          Full resolution, with the photographer’s credit and your usage licence inside each file.
        </p>
      </div>
      <Card className="download-card">
        <a className="btn btn--primary btn--lg" href={zip.url} download={zip.fileName}>
          <span>
            Download all {finals.length} as ZIP ({fileSize(total)})
          </span>
        </a>
        <ul className="download-list" aria-label="Finals">
          {finals.map((f) => (
            <li key={f.url}>
              <a href={f.url} download={f.fileName}>
                {f.fileName}
              </a>{' '}
              <span className="gallery-muted">{f.bytes ? fileSize(f.bytes) : ''}</span>
            </li>
          ))}
        </ul>
        {finalsNote}
        <p className="gallery-muted">
          These links are personal and work until{' '}
          {dateTimeIn(expiresAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}; open this page
          again for fresh ones.
        </p>
      </Card>
    </div>
  );
}
