import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Pager } from '@/components/ui/pager';
import { PageLoader } from '@/components/ui/spinner';
import { describeError } from '@/lib/error-messages';
import { useOutbox, useRunEmailJobs } from '../api/outbox';
import './outbox.css';

const tones = { sent: 'success', queued: 'neutral', failed: 'danger' } as const;

/** Every email Lensbridge wrote, newest first, each readable in place and downloadable as .eml. */
export function OutboxTable() {
  const [page, setPage] = useState(1);
  const outbox = useOutbox(page);
  const run = useRunEmailJobs();
  const [openId, setOpenId] = useState<string | null>(null);
  const pages = outbox.data ? Math.max(1, Math.ceil(outbox.data.total / outbox.data.pageSize)) : 1;
  return (
    <div className="outbox">
      <div className="outbox__tools">
        <Button variant="secondary" size="sm" loading={run.isPending} onClick={() => run.mutate()}>
          Run email jobs now
        </Button>
        <span className="outbox__muted">{outbox.data ? `${outbox.data.total} emails` : ''}</span>
      </div>
      {run.isError ? <Alert tone="danger">{describeError(run.error)}</Alert> : null}
      {outbox.isPending ? <PageLoader label="Loading the outbox…" /> : null}
      {outbox.isError ? <Alert tone="danger">{describeError(outbox.error)}</Alert> : null}
      {outbox.data?.items.length === 0 ? (
        <Card>
          <p>No emails yet.</p>
        </Card>
      ) : null}
      <ul className="outbox__list" aria-label="Emails">
        {outbox.data?.items.map((m) => (
          <li key={m.id}>
            <Card className="outbox__item">
              <button
                type="button"
                className="outbox__summary"
                aria-expanded={openId === m.id}
                onClick={() => setOpenId(openId === m.id ? null : m.id)}
              >
                <span className="outbox__subject">{m.subject}</span>
                <span className="outbox__muted">
                  to {m.toName} &lt;{m.toAddress}&gt; · {m.kind.replaceAll('_', ' ')} ·{' '}
                  {new Date(m.createdAt).toLocaleString('en-GB')}
                </span>
                <Badge tone={tones[m.status]}>{m.status}</Badge>
              </button>
              {openId === m.id ? (
                <div className="outbox__body">
                  <pre>{m.text}</pre>
                  <a href={m.rawUrl} download>
                    Download .eml
                  </a>
                  {m.location ? <span className="outbox__muted"> · file {m.location}</span> : null}
                  {m.lastError ? <Alert tone="warn">{m.lastError}</Alert> : null}
                </div>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
      {pages > 1 ? <Pager page={page} pages={pages} onPage={setPage} /> : null}
    </div>
  );
}
