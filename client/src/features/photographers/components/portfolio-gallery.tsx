import { useState } from 'react';
import type { PortfolioImageDto } from '@shared/photographers/photographers.types';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import './photographers.css';

/** Thumbnails in a grid; a click opens the large picture with previous/next. */
export function PortfolioGallery({
  images,
  photographerName,
}: {
  images: PortfolioImageDto[];
  photographerName: string;
}) {
  const [open, setOpen] = useState<number | null>(null);
  if (images.length === 0) {
    return <p className="text-muted">No portfolio pictures yet.</p>;
  }
  const current = open === null ? null : images[open];
  const step = (delta: number) =>
    setOpen((index) => (index === null ? null : (index + delta + images.length) % images.length));

  return (
    <>
      <ul className="pg-portfolio">
        {images.map((image, index) => (
          <li key={image.id}>
            <button
              type="button"
              className="pg-portfolio__thumb"
              onClick={() => setOpen(index)}
              aria-label={`Open picture ${index + 1} of ${images.length}${image.caption ? `: ${image.caption}` : ''}`}
            >
              <img src={image.thumbUrl} alt="" loading="lazy" width={480} height={600} />
            </button>
          </li>
        ))}
      </ul>
      <Dialog
        open={current !== null && current !== undefined}
        onClose={() => setOpen(null)}
        title={`${photographerName}: picture ${(open ?? 0) + 1} of ${images.length}`}
        size="lg"
      >
        {current ? (
          <figure
            className="pg-lightbox"
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') step(1);
              if (event.key === 'ArrowLeft') step(-1);
            }}
          >
            <img
              src={current.fullUrl}
              alt={current.caption || `Portfolio picture by ${photographerName}`}
              width={current.width}
              height={current.height}
            />
            {current.caption ? <figcaption>{current.caption}</figcaption> : null}
            {images.length > 1 ? (
              <div className="pg-lightbox__nav">
                <Button variant="secondary" size="sm" onClick={() => step(-1)}>
                  ← Previous
                </Button>
                <Button variant="secondary" size="sm" onClick={() => step(1)}>
                  Next →
                </Button>
              </div>
            ) : null}
          </figure>
        ) : null}
      </Dialog>
    </>
  );
}
