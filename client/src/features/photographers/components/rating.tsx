import type { RatingDto } from '@shared/photographers/photographers.types';
import './photographers.css';

/** "★ 4.8 (23 reviews)", or "New on Lensbridge" before the first review. */
export function Rating({ rating }: { rating: RatingDto }) {
  if (rating.average === null || rating.count === 0) {
    return <span className="rating rating--new">New on Lensbridge</span>;
  }
  return (
    // The words for screen readers are text, not an aria-label (a span may not carry one).
    <span className="rating">
      <span className="visually-hidden">
        Rated {rating.average} out of 5 by {rating.count} client{rating.count === 1 ? '' : 's'}
      </span>
      <span aria-hidden="true" className="rating__star">
        ★
      </span>{' '}
      <span aria-hidden="true">
        {rating.average.toFixed(1)}{' '}
        <span className="rating__count">
          ({rating.count} review{rating.count === 1 ? '' : 's'})
        </span>
      </span>
    </span>
  );
}
