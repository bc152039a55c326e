import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DraftCreditDto } from '@shared/compare/compare.types';
import { answer, apiClient } from '@/lib/api-client';

export const draftCreditsQueryKey = ['draft-credits'] as const;

/**
 * The signed-in client's paid draft unlocks that can still be credited against a booking. A
 * credit is a bonus, never a blocker: any failure (signed out, server trouble) reads as "none".
 */
export async function getDraftCredits({ signal }: { signal?: AbortSignal } = {}): Promise<
  DraftCreditDto[]
> {
  try {
    const credits = await answer(apiClient.GET('/api/draft-credits', { signal }));
    return Array.isArray(credits) ? credits : [];
  } catch (error) {
    if (signal?.aborted) throw error;
    return [];
  }
}

export function draftCreditsQueryOptions() {
  return queryOptions({
    queryKey: draftCreditsQueryKey,
    queryFn: ({ signal }) => getDraftCredits({ signal }),
    staleTime: 30_000,
  });
}

/** Only asked for when `enabled` (a signed-in client at checkout). */
export function useDraftCredits(enabled: boolean) {
  return useQuery({ ...draftCreditsQueryOptions(), enabled });
}

/**
 * The credit to offer for a package: same currency, not expired; the draft being booked with
 * first, else the one that expires soonest.
 */
export function creditFor(
  credits: readonly DraftCreditDto[] | undefined,
  currency: string,
  draftId: string | null,
  now = Date.now(),
): DraftCreditDto | null {
  const usable = (credits ?? [])
    .filter((c) => c.currency.toUpperCase() === currency.toUpperCase())
    .filter((c) => c.amountCents > 0 && Date.parse(c.expiresAt) > now)
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
  return usable.find((c) => c.draftId === draftId) ?? usable[0] ?? null;
}
