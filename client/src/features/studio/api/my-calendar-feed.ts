import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';
import { myStudioQueryKey } from './my-profile';

export const myCalendarFeedQueryKey = [...myStudioQueryKey, 'calendar-feed'] as const;

/** The secret URL of my bookings calendar (the server makes it on the first request). */
export function getMyCalendarFeed({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/photographers/me/calendar-feed', { signal }));
}

export function myCalendarFeedQueryOptions() {
  return queryOptions({
    queryKey: myCalendarFeedQueryKey,
    queryFn: ({ signal }) => getMyCalendarFeed({ signal }),
  });
}

export function useMyCalendarFeed() {
  return useQuery(myCalendarFeedQueryOptions());
}

/** A new URL; the old one stops working at once. */
export function rotateMyCalendarFeed() {
  return answer(apiClient.POST('/api/photographers/me/calendar-feed/rotate'));
}

export function useRotateMyCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateMyCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(myCalendarFeedQueryKey, feed),
  });
}
