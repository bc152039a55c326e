import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GalleryDto } from '@shared/gallery/gallery.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { describeError } from '@/lib/error-messages';
import { galleryQueryKey, uploadFinal, useDeliver } from '../api/gallery';
import { UploadQueue } from './upload-queue';

/** Photographer: one retouched final per chosen photo, then deliver. */
export function FinalsPanel({ gallery }: { gallery: GalleryDto }) {
  const queryClient = useQueryClient();
  const deliver = useDeliver(gallery.bookingId);
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: galleryQueryKey(gallery.bookingId) }),
    [queryClient, gallery.bookingId],
  );
  const chosen = gallery.proofs.filter((p) => p.selected);
  const finalOf = new Map(gallery.finals.map((f) => [f.proofId, f]));
  const missing = chosen.filter((p) => !finalOf.has(p.id)).length;

  return (
    <Card as="section" aria-label="Finals" className="finals-panel">
      <h2 className="gallery-section-title">Finals</h2>
      <p className="gallery-muted">
        Upload the retouched full-resolution file for each chosen photo. Lensbridge writes your
        name, the copyright and the package licence into each file.
      </p>
      <ul className="finals-list">
        {chosen.map((proof) => {
          const final = finalOf.get(proof.id);
          return (
            <li key={proof.id} className="finals-row">
              <img src={(final ?? proof).thumbUrl} alt={proof.fileName} />
              <div className="finals-row__body">
                <p>
                  <strong>{proof.fileName}</strong>{' '}
                  {final ? (
                    <span className="finals-row__ok">final: {final.fileName} ✓</span>
                  ) : (
                    <span className="gallery-muted">no final yet</span>
                  )}
                </p>
                {gallery.can.uploadFinals ? (
                  <FinalUpload
                    bookingId={gallery.bookingId}
                    proofId={proof.id}
                    name={proof.fileName}
                    onSettled={refresh}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {gallery.bookingStatus === 'completed' ? (
        <div className="finals-panel__deliver">
          <Button
            disabled={!gallery.can.deliver}
            loading={deliver.isPending}
            onClick={() => deliver.mutate(undefined)}
          >
            Deliver finals to {gallery.clientName}
          </Button>
          <span className="gallery-muted">
            {missing > 0
              ? `${missing} chosen photo${missing === 1 ? '' : 's'} still need${missing === 1 ? 's' : ''} a final.`
              : gallery.selection.extraCharge === 'awaiting_payment'
                ? 'Waiting for the client to pay for the extra photos.'
                : 'Every chosen photo has its final.'}
          </span>
        </div>
      ) : null}
      {deliver.isError ? (
        <Alert tone="danger" title="Not delivered">
          {describeError(deliver.error)}
        </Alert>
      ) : null}
    </Card>
  );
}

function FinalUpload(props: {
  bookingId: string;
  proofId: string;
  name: string;
  onSettled: () => void;
}) {
  const send = useCallback(
    async (file: File, onProgress: (fraction: number) => void) => {
      await uploadFinal(props.bookingId, props.proofId, file, {
        onProgress: (sent, total) => onProgress(total ? sent / total : 0),
      });
      return null;
    },
    [props.bookingId, props.proofId],
  );
  return (
    <UploadQueue
      label={`Upload the final for ${props.name}`}
      hint="JPEG, PNG or WebP at full resolution"
      send={send}
      onSettled={props.onSettled}
      multiple={false}
    />
  );
}
