import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewInput, ReviewReplyInput } from '@shared/gallery/gallery.schema';
import type { ReviewDto } from '@shared/gallery/gallery.types';
import { api } from '@/lib/api-client';
import { galleryQueryKey } from './gallery';

const reviewQueryKey = (bookingId: string) => ['gallery', bookingId, 'review'] as const;

export function getReview(bookingId: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<ReviewDto | null>(`/bookings/${bookingId}/review`, { signal });
}

export function reviewQueryOptions(bookingId: string) {
  return queryOptions({
    queryKey: reviewQueryKey(bookingId),
    queryFn: ({ signal }) => getReview(bookingId, { signal }),
  });
}

export function useReview(bookingId: string) {
  return useQuery(reviewQueryOptions(bookingId));
}

function useReviewAction<V>(bookingId: string, run: (v: V) => Promise<ReviewDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (review) => {
      queryClient.setQueryData(reviewQueryKey(bookingId), review);
      void queryClient.invalidateQueries({ queryKey: galleryQueryKey(bookingId) });
    },
  });
}

export function usePostReview(bookingId: string) {
  return useReviewAction(bookingId, (input: ReviewInput) =>
    api.post<ReviewDto>(`/bookings/${bookingId}/review`, input),
  );
}

export function useReplyToReview(bookingId: string) {
  return useReviewAction(bookingId, (input: ReviewReplyInput) =>
    api.post<ReviewDto>(`/bookings/${bookingId}/review/reply`, input),
  );
}
