import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { GalleryDto, UploadResultDto } from '@shared/gallery/gallery.types';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageLoader } from '@/components/ui/spinner';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { galleryQueryKey, uploadProof, useGallery, usePublishProofs } from '../api/gallery';
import { FinalsPanel } from './finals-panel';
import { dateTimeIn } from './format';
import { Lightbox } from './lightbox';
import { PromiseBadge, PromiseText } from './promise-badge';
import { ProofGrid } from './proof-grid';
import { ReviewSection } from './review-form';
import { SelectionBar } from './selection-bar';
import { UploadQueue } from './upload-queue';
import './gallery.css';

const stageText: Record<GalleryDto['stage'], string> = {
  awaiting_session: 'The gallery opens once the session is marked completed.',
  uploading_proofs: 'Proofs are being prepared.',
  proofs_ready: 'Proofs are ready: choose the favourites.',
  selection_submitted: 'Favourites chosen: the finals are being retouched.',
  delivered: 'Finals delivered.',
};

interface GalleryPageProps {
  bookingId: string;
  /** Shown with the delivered finals, e.g. how they are signed. */
  finalsNote?: ReactNode;
}

/** One booking's gallery, for its client, its photographer or an admin. */
export function GalleryPage({ bookingId, finalsNote }: GalleryPageProps) {
  const gallery = useGallery(bookingId);
  if (gallery.isPending) return <PageLoader label="Opening the gallery…" />;
  if (gallery.isError) {
    return (
      <Alert tone="danger" title="Could not open this gallery">
        {gallery.error instanceof ApiError && gallery.error.status === 404
          ? 'There is no gallery here for your account.'
          : describeError(gallery.error)}
      </Alert>
    );
  }
  return <GalleryView gallery={gallery.data} finalsNote={finalsNote} />;
}

function GalleryView({ gallery, finalsNote }: { gallery: GalleryDto; finalsNote?: ReactNode }) {
  const [open, setOpen] = useState<number | null>(null);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = useMemo(
    () => picked ?? new Set(gallery.proofs.filter((p) => p.selected).map((p) => p.id)),
    [picked, gallery.proofs],
  );
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const isClient = gallery.viewer === 'client';
  const showFinals = gallery.finals.length > 0 && (gallery.stage === 'delivered' || !isClient);

  return (
    <div className="app-page gallery-page">
      <title>{`Gallery · ${gallery.packageName} · Lensbridge`}</title>
      <div className="app-page__header">
        <p className="gallery-muted">
          <Link to="/app/deliveries">← All deliveries</Link>
        </p>
        <h1 className="page-title">
          {isClient
            ? `Your photos from ${gallery.photographerName}`
            : `Gallery for ${gallery.clientName}`}
        </h1>
        <p className="page-lead">
          {gallery.packageName} · session {dateTimeIn(gallery.sessionStartsAt, gallery.timeZone)} (
          {gallery.timeZone})
        </p>
        <p className="gallery-promise">
          <PromiseBadge promise={gallery.promise} /> <PromiseText promise={gallery.promise} />
        </p>
        <p className="gallery-muted">{stageText[gallery.stage]}</p>
      </div>

      {gallery.can.uploadProofs ? <ProofUploads gallery={gallery} /> : null}

      {gallery.proofs.length > 0 ? (
        <section aria-label="Proofs" className="gallery-section">
          <h2 className="gallery-section-title">Proofs ({gallery.proofs.length})</h2>
          {isClient && gallery.can.select ? (
            <p className="gallery-muted">
              Tap the star on the photos you like. Your package includes{' '}
              {gallery.selection.includedImages}; more are possible at the extra-image price.
            </p>
          ) : null}
          <ProofGrid
            images={gallery.proofs}
            chosen={isClient ? chosen : undefined}
            onToggle={isClient && gallery.can.select ? toggle : undefined}
            onOpen={setOpen}
            label="Proofs"
          />
          {isClient && gallery.can.select ? (
            <SelectionBar gallery={gallery} chosen={chosen} />
          ) : null}
          {!isClient && gallery.selection.submittedAt ? (
            <p className="gallery-selection-summary">
              <strong>
                {gallery.clientName} chose {gallery.selection.count} of{' '}
                {gallery.selection.includedImages} included.
              </strong>{' '}
              {gallery.selection.extraChargeLabel ?? ''}
            </p>
          ) : null}
          <Lightbox
            images={gallery.proofs}
            index={open}
            onIndex={setOpen}
            chosen={isClient ? chosen : undefined}
            onToggle={isClient && gallery.can.select ? toggle : undefined}
          />
        </section>
      ) : isClient ? (
        <Card>
          <p>Your proofs are not ready yet. You will get an email when they are.</p>
        </Card>
      ) : null}

      {!isClient && gallery.selection.submittedAt ? <FinalsPanel gallery={gallery} /> : null}

      {isClient && showFinals ? (
        <Card as="section" aria-label="Your finals" className="gallery-section">
          <h2 className="gallery-section-title">Your finals ({gallery.finals.length})</h2>
          <ProofGrid images={gallery.finals} onOpen={() => undefined} label="Finals" />
          {finalsNote}
          <ButtonLink to={`/app/deliveries/${gallery.bookingId}/download`}>
            Download your photos
          </ButtonLink>
        </Card>
      ) : null}

      {gallery.stage === 'delivered' ? (
        <ReviewSection
          bookingId={gallery.bookingId}
          viewer={gallery.viewer}
          canReview={gallery.can.review}
          photographerName={gallery.photographerName}
        />
      ) : null}
    </div>
  );
}

function ProofUploads({ gallery }: { gallery: GalleryDto }) {
  const queryClient = useQueryClient();
  const publish = usePublishProofs(gallery.bookingId);
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: galleryQueryKey(gallery.bookingId) }),
    [queryClient, gallery.bookingId],
  );
  const send = useCallback(
    async (file: File, onProgress: (fraction: number) => void) => {
      try {
        const result = await uploadProof(gallery.bookingId, file, {
          onProgress: (sent, total) => onProgress(total ? sent / total : 0),
        });
        return result.rejected[0]?.message ?? null;
      } catch (error) {
        // The whole request was refused: the file's own reason is in the details.
        const rejected =
          error instanceof ApiError
            ? (error.details as { rejected?: UploadResultDto['rejected'] } | undefined)?.rejected
            : undefined;
        if (rejected?.[0]) return rejected[0].message;
        throw error;
      }
    },
    [gallery.bookingId],
  );
  return (
    <Card as="section" aria-label="Upload proofs" className="gallery-section">
      <h2 className="gallery-section-title">Proofs</h2>
      <UploadQueue
        label="Drop proofs here, or click to choose files"
        hint="JPEG, PNG or WebP. Lensbridge removes location data, keeps your originals private and shows the client watermarked previews."
        send={send}
        onSettled={refresh}
      />
      {gallery.can.publishProofs ? (
        <div>
          <Button loading={publish.isPending} onClick={() => publish.mutate(undefined)}>
            Share {gallery.proofs.length} proofs with {gallery.clientName}
          </Button>
        </div>
      ) : gallery.proofsPublishedAt ? (
        <p className="gallery-muted">
          Shared with {gallery.clientName}; new proofs appear for them straight away.
        </p>
      ) : null}
      {publish.isError ? <Alert tone="danger">{describeError(publish.error)}</Alert> : null}
    </Card>
  );
}
