import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SlotsDto } from '@shared/photographers/photographers.types';
import { api } from '@/lib/api-client';

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

export function getSlots(
  request: SlotsRequest,
  { signal }: { signal?: AbortSignal } = {},
): Promise<SlotsDto> {
  if (request.rescheduling) {
    const range = new URLSearchParams({ from: request.from, to: request.to });
    return api.get<SlotsDto>(
      `/bookings/${encodeURIComponent(request.rescheduling)}/reschedule-slots?${range.toString()}`,
      { signal },
    );
  }
  const query = new URLSearchParams({
    packageId: request.packageId,
    from: request.from,
    to: request.to,
  });
  return api.get<SlotsDto>(
    `/photographers/${encodeURIComponent(request.photographerId)}/slots?${query.toString()}`,
    { signal },
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
