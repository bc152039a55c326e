import './photographers.css';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/error-messages';
import { usePhotographerReviews } from '../api/get-reviews';

const SHOWN = 10;

/** What clients wrote after their session, newest first, with the photographer's replies. */
export function ReviewsList({
  photographerId,
  photographerName,
}: {
  photographerId: string;
  photographerName: string;
}) {
  const reviews = usePhotographerReviews(photographerId);
  if (reviews.isPending) return <Skeleton height="4rem" />;
  // Quietly (no alert role): the rest of the page, booking included, works without reviews.
  if (reviews.isError) {
    return (
      <p className="text-muted">
        The reviews could not be loaded ({describeError(reviews.error)}){' '}
        <Button variant="secondary" size="sm" onClick={() => void reviews.refetch()}>
          Try again
        </Button>
      </p>
    );
  }
  if (reviews.data.length === 0) {
    return (
      <p className="text-muted">
        No reviews yet. Clients can review {photographerName} once their photos are delivered.
      </p>
    );
  }
  return (
    <ul className="pg-reviews">
      {reviews.data.slice(0, SHOWN).map((review) => (
        <li key={review.id} className="pg-review">
          <p className="pg-review__head">
            <span className="visually-hidden">{review.rating} out of 5 stars</span>
            <span aria-hidden="true" className="pg-review__stars">
              {'★'.repeat(review.rating)}
              {'☆'.repeat(5 - review.rating)}
            </span>{' '}
            <strong>{review.clientName}</strong>{' '}
            <span className="text-muted text-sm">
              {new Date(review.createdAt).toLocaleDateString(undefined, {
                month: 'long',
                year: 'numeric',
              })}
            </span>
          </p>
          <p className="pg-review__text">{review.text}</p>
          {review.reply ? (
            <p className="pg-review__reply text-sm">
              <strong>{photographerName} replied:</strong> {review.reply}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
