import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type DraftDto,
  type DraftVariantDto,
  STYLE_PRESETS,
  type StylePreset,
} from '@shared/drafts/drafts.types';
import { STYLE_LABELS } from '@shared/drafts/style-presets';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageLoader } from '@/components/ui/spinner';
import { describeError } from '@/lib/error-messages';
import { useChooseVariant } from '../api/choose-variant';
import { useCreateVariant } from '../api/create-variant';
import { useDraft } from '../api/get-draft';
import { useDeleteDraft, useSetKeep, useUnlockDraft } from '../api/manage-draft';
import { formatMoney } from '@shared/money';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { usePaymentOptions } from '@/lib/payment-options';
import { BeforeAfter } from './before-after';
import { describeDraftError } from './draft-errors';
import { DraftProgress } from './draft-progress';
import { formatDate } from './drafts-list';
import { QualityReportView } from './quality-report';
import { VariantCard } from './variant-card';

/** For each style: the newest finished rendering, and whether a newer one is on its way. */
function latestByStyle(variants: DraftVariantDto[]) {
  const byNewest = [...variants].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return STYLE_PRESETS.map((style) => {
    const ofStyle = byNewest.filter((v) => v.style === style);
    const shown = ofStyle.find((v) => v.status === 'ready');
    const newest = ofStyle[0];
    return {
      style,
      shown,
      rendering:
        newest !== undefined && (newest.status === 'queued' || newest.status === 'rendering'),
    };
  });
}

interface DraftResultProps {
  id: string;
  /** Shown under the drafts once they are ready, e.g. how the images are signed. */
  imagesNote?: ReactNode;
}

export function DraftResult({ id, imagesNote }: DraftResultProps) {
  const draft = useDraft(id);
  if (draft.isPending) return <PageLoader label="Loading your draft…" />;
  if (draft.isError) {
    return (
      <Alert tone="danger" title="Could not load this draft">
        {describeError(draft.error)} <Link to="/app/drafts">Back to your drafts</Link>
      </Alert>
    );
  }
  const d = draft.data;
  if (d.status === 'failed') return <FailedDraft draft={d} />;
  if (d.status !== 'ready') return <DraftProgress draft={d} />;
  return <ReadyDraft draft={d} imagesNote={imagesNote} />;
}

function FailedDraft({ draft }: { draft: DraftDto }) {
  const navigate = useNavigate();
  const remove = useDeleteDraft({ onDeleted: () => void navigate('/app/drafts') });
  return (
    <Card padding="lg" className="draft-failed">
      <Alert tone="danger" title="We could not make drafts from this photo">
        {draft.failure?.message}
      </Alert>
      <div className="draft-failed__actions">
        <Link className="btn btn--primary btn--md" to="/app/drafts">
          Try another photo
        </Link>
        <Button variant="ghost" loading={remove.isPending} onClick={() => remove.mutate(draft.id)}>
          Delete this attempt
        </Button>
      </div>
    </Card>
  );
}

function ReadyDraft({ draft, imagesNote }: { draft: DraftDto; imagesNote?: ReactNode }) {
  const navigate = useNavigate();
  const [compare, setCompare] = useState<StylePreset>('professional');
  const rerender = useCreateVariant(draft.id);
  const choose = useChooseVariant(draft.id);
  const unlock = useUnlockDraft(draft.id);
  const payments = usePaymentOptions().data;
  const keep = useSetKeep(draft.id);
  const remove = useDeleteDraft({
    onDeleted: () => {
      toast.success('Draft deleted, with its photo.');
      void navigate('/app/drafts');
    },
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const styles = latestByStyle(draft.variants);
  const compared = styles.find((s) => s.style === compare)?.shown;

  return (
    <div className="draft-result">
      <div className="draft-result__bar">
        <p className="draft-result__expiry">
          {draft.keep
            ? 'Kept until you delete it.'
            : `Deleted automatically on ${formatDate(draft.expiresAt)}.`}{' '}
          <button type="button" className="link-button" onClick={() => keep.mutate(!draft.keep)}>
            {draft.keep ? 'Let it expire' : 'Keep it'}
          </button>
        </p>
        <div className="draft-result__actions">
          <ButtonLink to={`/app/compare?draftId=${draft.id}&useCase=profile`} variant="secondary">
            Compare with studio sessions
          </ButtonLink>
          {draft.unlocked ? null : (
            <Button loading={unlock.isPending} onClick={() => unlock.mutate()}>
              {payments?.provider === 'stripe'
                ? `Unlock HD downloads · ${formatMoney(payments.draftUnlockPriceCents, payments.currency)}`
                : 'Unlock HD downloads'}
            </Button>
          )}
          <Button variant="secondary" onClick={() => setConfirmDelete(true)}>
            Delete this draft
          </Button>
        </div>
        <ConfirmDialog
          open={confirmDelete}
          title="Delete this draft?"
          confirmLabel="Delete the draft"
          cancelLabel="Keep it"
          pending={remove.isPending}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() => remove.mutate(draft.id, { onError: () => setConfirmDelete(false) })}
        >
          <p>
            Its three styles, any HD images and your photo are deleted now. This cannot be undone; a
            booking that used it keeps only its written brief.
          </p>
        </ConfirmDialog>
      </div>
      {!draft.unlocked && payments?.provider === 'manual' ? (
        <p className="draft-result__demo">
          Demo: unlocking is free while online payments are not switched on (the “manual” rule). HD
          images have no visible mark but, like every draft, carry the AI label in their file.
        </p>
      ) : null}
      {rerender.isError ? (
        <Alert tone="danger">
          {describeDraftError(rerender.error) ?? describeError(rerender.error)}
        </Alert>
      ) : null}
      {choose.isError ? (
        <Alert tone="danger">
          {describeDraftError(choose.error) ?? describeError(choose.error)}
        </Alert>
      ) : null}
      {unlock.isError ? <Alert tone="danger">{describeError(unlock.error)}</Alert> : null}

      <section aria-label="Your AI drafts" className="variants">
        {styles.map(({ style, shown, rendering }) =>
          shown ? (
            <VariantCard
              key={style}
              shown={shown}
              rendering={rendering}
              unlocked={draft.unlocked}
              selected={compare === style}
              onSelect={() => setCompare(style)}
              onChange={(params) =>
                rerender.mutate({ style, params: { ...shown.params, ...params } })
              }
              chosen={draft.chosenVariantId === shown.id}
              choosing={choose.isPending && choose.variables === shown.id}
              onChoose={() => choose.mutate(shown.id)}
              onRetryHd={() => unlock.mutate()}
              retryingHd={unlock.isPending}
            />
          ) : null,
        )}
      </section>
      {imagesNote}

      {compared?.beforeUrl && compared.previewUrl ? (
        <Card padding="lg" className="compare">
          <h2 className="section-title">Before and after: {STYLE_LABELS[compare].name}</h2>
          <BeforeAfter
            before={compared.beforeUrl}
            after={compared.previewUrl}
            label={STYLE_LABELS[compare].name}
          />
        </Card>
      ) : null}

      {draft.report ? <QualityReportView report={draft.report} /> : null}
    </div>
  );
}
