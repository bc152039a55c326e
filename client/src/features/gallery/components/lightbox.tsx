import { useEffect, useRef } from 'react';
import type { GalleryImageDto } from '@shared/gallery/gallery.types';
import { Button } from '@/components/ui/button';

interface LightboxProps {
  images: GalleryImageDto[];
  index: number | null;
  onIndex: (index: number | null) => void;
  chosen?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
}

/** The screen-sized preview in a modal dialog; arrow keys move, Escape closes. */
export function Lightbox({ images, index, onIndex, chosen, onToggle }: LightboxProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const image = index === null ? undefined : images[index];

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (image && !element.open) element.showModal?.();
    if (!image && element.open) element.close();
  }, [image]);

  const move = (step: number) => {
    if (index === null || images.length === 0) return;
    onIndex((index + step + images.length) % images.length);
  };

  return (
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label={image ? image.fileName : 'Photo'}
      onClose={() => onIndex(null)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowRight') move(1);
        if (event.key === 'ArrowLeft') move(-1);
      }}
    >
      {image ? (
        <>
          <img className="lightbox__image" src={image.previewUrl} alt={image.fileName} />
          <div className="lightbox__bar">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => move(-1)}
              aria-label="Previous photo"
            >
              ←
            </Button>
            <span>
              {image.fileName} · {(index ?? 0) + 1} of {images.length}
            </span>
            <Button variant="secondary" size="sm" onClick={() => move(1)} aria-label="Next photo">
              →
            </Button>
            {onToggle ? (
              <Button
                size="sm"
                variant={chosen?.has(image.id) ? 'primary' : 'secondary'}
                onClick={() => onToggle(image.id)}
              >
                {chosen?.has(image.id) ? '★ Favourite' : '☆ Add to favourites'}
              </Button>
            ) : null}
            <Button variant="ghost" size="sm" onClick={() => onIndex(null)}>
              Close
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
