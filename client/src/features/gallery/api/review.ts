import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewInput, ReviewReplyInput } from '@shared/gallery/gallery.schema';
import { answer, apiClient } from '@/lib/api-client';
import { galleryQueryKey } from './gallery';

const reviewQueryKey = (bookingId: string) => ['gallery', bookingId, 'review'] as const;
const byId = (id: string) => ({ path: { id } });

export function getReview(bookingId: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/bookings/{id}/review', { params: byId(bookingId), signal }));
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

type Review = NonNullable<Awaited<ReturnType<typeof getReview>>>;

function useReviewAction<V>(bookingId: string, run: (v: V) => Promise<Review>) {
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
    answer(apiClient.POST('/api/bookings/{id}/review', { params: byId(bookingId), body: input })),
  );
}

export function useReplyToReview(bookingId: string) {
  return useReviewAction(bookingId, (input: ReviewReplyInput) =>
    answer(
      apiClient.POST('/api/bookings/{id}/review/reply', { params: byId(bookingId), body: input }),
    ),
  );
}
