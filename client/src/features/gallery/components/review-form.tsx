import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type ReviewInput, reviewSchema } from '@shared/gallery/gallery.schema';
import type { ReviewDto } from '@shared/gallery/gallery.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors } from '@/lib/form-errors';
import { usePostReview, useReplyToReview, useReview } from '../api/review';

const FIELDS = ['rating', 'text'] as const;

/** The client's one review (after delivery); the photographer's one reply. */
export function ReviewSection(props: {
  bookingId: string;
  viewer: 'client' | 'photographer' | 'admin';
  canReview: boolean;
  photographerName: string;
}) {
  const review = useReview(props.bookingId);
  if (review.isPending) return null;
  return (
    <Card as="section" aria-label="Review" id="review" className="review-card">
      <h2 className="gallery-section-title">Review</h2>
      {review.data ? (
        <ShownReview
          review={review.data}
          bookingId={props.bookingId}
          canReply={props.viewer === 'photographer'}
        />
      ) : props.canReview ? (
        <ReviewForm bookingId={props.bookingId} photographerName={props.photographerName} />
      ) : (
        <p className="gallery-muted">No review yet.</p>
      )}
    </Card>
  );
}

function ReviewForm({
  bookingId,
  photographerName,
}: {
  bookingId: string;
  photographerName: string;
}) {
  const post = usePostReview(bookingId);
  const form = useForm<z.input<typeof reviewSchema>, unknown, ReviewInput>({
    resolver: zodResolver(reviewSchema),
    defaultValues: { rating: '5', text: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    post.mutate(values, {
      onError: (error) => applyServerFieldErrors(error, FIELDS, form.setError),
    }),
  );
  return (
    <form className="review-form" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset className="review-stars">
        <legend>How was your session with {photographerName}?</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="review-star">
            <input type="radio" value={n} {...form.register('rating')} />
            <span aria-hidden="true">{'★'.repeat(n)}</span>
            <span className="visually-hidden">
              {n} star{n === 1 ? '' : 's'}
            </span>
          </label>
        ))}
      </fieldset>
      {errors.rating ? <p className="field__error">{errors.rating.message}</p> : null}
      <label className="review-text">
        <span>Your review</span>
        <textarea
          rows={4}
          {...form.register('text')}
          aria-invalid={errors.text ? true : undefined}
        />
      </label>
      {errors.text ? <p className="field__error">{errors.text.message}</p> : null}
      {post.isError ? (
        <Alert tone="danger" title="Review not saved">
          {describeError(post.error)}
        </Alert>
      ) : null}
      <Button type="submit" loading={post.isPending}>
        Publish review
      </Button>
    </form>
  );
}

function ShownReview({
  review,
  bookingId,
  canReply,
}: {
  review: ReviewDto;
  bookingId: string;
  canReply: boolean;
}) {
  const reply = useReplyToReview(bookingId);
  const form = useForm<{ text: string }>({ defaultValues: { text: '' } });
  return (
    <div className="review-shown">
      <p className="review-shown__stars" aria-label={`${review.rating} out of 5 stars`}>
        {'★'.repeat(review.rating)}
        <span className="gallery-muted">{'★'.repeat(5 - review.rating)}</span>
      </p>
      <blockquote>{review.text}</blockquote>
      <p className="gallery-muted">— {review.clientName}</p>
      {review.reply ? (
        <p className="review-shown__reply">
          <strong>Reply:</strong> {review.reply}
        </p>
      ) : canReply ? (
        <form
          className="review-form"
          onSubmit={(event) => void form.handleSubmit((values) => reply.mutate(values))(event)}
        >
          <label className="review-text">
            <span>Reply once, publicly</span>
            <textarea rows={2} {...form.register('text')} />
          </label>
          {reply.isError ? <Alert tone="danger">{describeError(reply.error)}</Alert> : null}
          <Button type="submit" variant="secondary" loading={reply.isPending}>
            Reply
          </Button>
        </form>
      ) : null}
    </div>
  );
}
