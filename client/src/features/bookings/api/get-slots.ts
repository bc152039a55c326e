import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export interface SlotsRequest {
  photographerId: string;
  packageId: string;
  /** UTC ISO instants; the server answers at most MAX_SLOT_RANGE_DAYS at a time. */
  from: string;
  to: string;
  /** Moving this booking: ask for its reschedule times, where its own time counts as free. */
  rescheduling?: string;
}

export const slotsQueryKey = (photographerId: string) =>
  ['photographers', 'slots', photographerId] as const;

export function getSlots(request: SlotsRequest, { signal }: { signal?: AbortSignal } = {}) {
  const { from, to } = request;
  if (request.rescheduling) {
    return answer(
      apiClient.GET('/api/bookings/{id}/reschedule-slots', {
        params: { path: { id: request.rescheduling }, query: { from, to } },
        signal,
      }),
    );
  }
  return answer(
    apiClient.GET('/api/photographers/{id}/slots', {
      params: {
        path: { id: request.photographerId },
        query: { packageId: request.packageId, from, to },
      },
      signal,
    }),
  );
}

export function slotsQueryOptions(request: SlotsRequest) {
  return queryOptions({
    queryKey: [
      ...slotsQueryKey(request.photographerId),
      request.packageId,
      request.from,
      request.to,
      request.rescheduling ?? null,
    ] as const,
    queryFn: ({ signal }) => getSlots(request, { signal }),
    // Free times change as people book: never trust an old answer for long.
    staleTime: 15_000,
  });
}

export function useSlots(request: SlotsRequest | null) {
  return useQuery({
    ...slotsQueryOptions(request ?? { photographerId: '', packageId: '', from: '', to: '' }),
    enabled: request !== null,
  });
}
