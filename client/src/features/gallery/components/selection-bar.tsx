import { useState } from 'react';
import { GalleryErrorCode, type GalleryDto } from '@shared/gallery/gallery.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { useSelectFavourites } from '../api/gallery';
import { formatMoney } from './format';

interface SelectionBarProps {
  gallery: GalleryDto;
  chosen: ReadonlySet<string>;
}

/** The counter against the package's included number, the price of extras, and saving. */
export function SelectionBar({ gallery, chosen }: SelectionBarProps) {
  const select = useSelectFavourites(gallery.bookingId);
  const [agreed, setAgreed] = useState(false);
  const { includedImages, extraImagePriceCents, currency } = gallery.selection;
  const extra = Math.max(0, chosen.size - includedImages);
  const extraPrice = formatMoney(extra * extraImagePriceCents, currency);
  const unchanged =
    gallery.selection.submittedAt !== null &&
    chosen.size === gallery.selection.count &&
    gallery.proofs.every((p) => p.selected === chosen.has(p.id));

  return (
    <section className="selection-bar" aria-label="Your favourites">
      <p className="selection-bar__count" aria-live="polite">
        <strong>
          {chosen.size} of {includedImages}
        </strong>{' '}
        included photos chosen
        {extra > 0 ? (
          <span className="selection-bar__extra">
            {' '}
            + {extra} extra ({extraPrice})
          </span>
        ) : null}
      </p>
      {extra > 0 && extraImagePriceCents > 0 ? (
        <label className="selection-bar__agree">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
          <span>
            I’ll pay {extraPrice} for {extra} extra photo{extra === 1 ? '' : 's'} (
            {formatMoney(extraImagePriceCents, currency)} each)
          </span>
        </label>
      ) : null}
      <Button
        disabled={chosen.size === 0 || unchanged}
        loading={select.isPending}
        onClick={() =>
          select.mutate(
            { imageIds: [...chosen], acceptExtraCharge: agreed },
            {
              onSuccess: (next) => {
                if (next.selection.checkoutUrl) window.location.assign(next.selection.checkoutUrl);
              },
            },
          )
        }
      >
        {gallery.selection.submittedAt ? 'Update my favourites' : 'Send my favourites'}
      </Button>
      {select.isError ? (
        <Alert
          tone="danger"
          title={
            select.error instanceof ApiError &&
            select.error.code === GalleryErrorCode.ExtraImagesPaymentRequired
              ? 'Extra photos need your agreement'
              : 'Your favourites were not saved'
          }
        >
          {describeError(select.error)}
        </Alert>
      ) : null}
      {gallery.selection.submittedAt && !select.isError ? (
        <p className="gallery-muted">
          Sent to {gallery.photographerName}.
          {gallery.selection.extraChargeLabel ? ` ${gallery.selection.extraChargeLabel}.` : ''}
        </p>
      ) : null}
    </section>
  );
}
