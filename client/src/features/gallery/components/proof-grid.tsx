import type { GalleryImageDto } from '@shared/gallery/gallery.types';

interface ProofGridProps {
  images: GalleryImageDto[];
  /** When set, each photo has a "Favourite" toggle. */
  chosen?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
  onOpen: (index: number) => void;
  label: string;
}

export function ProofGrid({ images, chosen, onToggle, onOpen, label }: ProofGridProps) {
  return (
    <ul className="proof-grid" aria-label={label}>
      {images.map((image, index) => {
        const isChosen = chosen?.has(image.id) ?? image.selected;
        return (
          <li key={image.id} className={`proof-tile${isChosen ? ' proof-tile--chosen' : ''}`}>
            <button
              type="button"
              className="proof-tile__open"
              onClick={() => onOpen(index)}
              aria-label={`Open ${image.fileName}`}
            >
              <img src={image.thumbUrl} alt={image.fileName} loading="lazy" />
            </button>
            <div className="proof-tile__bar">
              <span className="proof-tile__name">{image.fileName}</span>
              {onToggle ? (
                <label className="proof-tile__pick">
                  <input
                    type="checkbox"
                    checked={isChosen}
                    onChange={() => onToggle(image.id)}
                    aria-label={`Favourite ${image.fileName}`}
                  />
                  <span aria-hidden="true">{isChosen ? '★' : '☆'}</span>
                </label>
              ) : isChosen ? (
                <span className="proof-tile__star" aria-label="Chosen by the client">
                  ★
                </span>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
