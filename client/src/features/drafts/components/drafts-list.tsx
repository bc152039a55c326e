import { useState } from 'react';
import { Link } from 'react-router';
import type { DraftStatus } from '@shared/drafts/drafts.types';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from 'sonner';
import { describeError } from '@/lib/error-messages';
import { useDrafts } from '../api/list-drafts';
import { useDeleteDraft, useDeleteMyData } from '../api/manage-draft';

const STATUS: Record<DraftStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Waiting', tone: 'neutral' },
  processing: { label: 'Rendering', tone: 'accent' },
  ready: { label: 'Ready', tone: 'success' },
  failed: { label: 'Could not be made', tone: 'danger' },
  expired: { label: 'Expired', tone: 'neutral' },
};

export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** My drafts with their expiry, each deletable, and a button to delete everything. */
export function DraftsList() {
  const drafts = useDrafts();
  const remove = useDeleteDraft({
    onDeleted: () => toast.success('Draft deleted, with its photo.'),
  });
  const removeAll = useDeleteMyData();
  const [confirmAll, setConfirmAll] = useState(false);
  /** The draft whose Delete was pressed: asked about before anything goes. */
  const [deleting, setDeleting] = useState<{ id: string; createdAt: string } | null>(null);

  if (drafts.isPending) return null;
  if (drafts.isError) {
    return (
      <Alert tone="danger" title="Could not load your drafts">
        {describeError(drafts.error)}
      </Alert>
    );
  }
  return (
    <Card padding="lg" className="drafts-list">
      <h2 className="section-title">Your drafts</h2>
      {drafts.data.length === 0 ? (
        <p className="section-lead">No drafts yet. They appear here, each kept for 30 days.</p>
      ) : (
        <ul className="drafts-list__items">
          {drafts.data.map((d) => (
            <li key={d.id} className="drafts-list__item">
              {d.thumbnailUrl ? (
                <img src={d.thumbnailUrl} alt="" className="drafts-list__thumb" />
              ) : (
                <span className="drafts-list__thumb drafts-list__thumb--empty" aria-hidden="true" />
              )}
              <div className="drafts-list__text">
                <Link to={`/app/drafts/${d.id}`}>Draft of {formatDate(d.createdAt)}</Link>
                <span className="drafts-list__meta">
                  <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>{' '}
                  {d.keep
                    ? 'Kept until you delete it'
                    : `Deleted automatically on ${formatDate(d.expiresAt)}`}
                </span>
              </div>
              <Button
                variant="ghost"
                size="sm"
                loading={remove.isPending && remove.variables === d.id}
                onClick={() => setDeleting({ id: d.id, createdAt: d.createdAt })}
                aria-label={`Delete the draft of ${formatDate(d.createdAt)}`}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <Alert tone="danger">{describeError(remove.error)}</Alert> : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this draft?"
        confirmLabel="Delete the draft"
        cancelLabel="Keep it"
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
      >
        <p>
          The draft of {deleting ? formatDate(deleting.createdAt) : ''}, its images and your photo
          are deleted now. This cannot be undone; a booking that used it keeps only its written
          brief.
        </p>
      </ConfirmDialog>
      <div className="drafts-list__danger">
        {removeAll.isSuccess ? (
          <Alert tone="success">
            Deleted {removeAll.data.draftsDeleted} draft
            {removeAll.data.draftsDeleted === 1 ? '' : 's'} and every photo we held for them.
          </Alert>
        ) : null}
        {confirmAll ? (
          <div className="confirm">
            <p>Delete every photo and draft you have here? This cannot be undone.</p>
            <Button
              variant="primary"
              loading={removeAll.isPending}
              onClick={() => removeAll.mutate(undefined, { onSettled: () => setConfirmAll(false) })}
            >
              Yes, delete all my data
            </Button>
            <Button variant="ghost" onClick={() => setConfirmAll(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirmAll(true)}>
            Delete all my photos and drafts
          </Button>
        )}
      </div>
    </Card>
  );
}
