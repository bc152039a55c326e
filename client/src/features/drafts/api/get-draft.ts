import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DraftDto } from '@shared/drafts/drafts.types';
import { answer, apiClient } from '@/lib/api-client';

export const draftQueryKey = (id: string) => ['drafts', id] as const;

export function getDraft(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/drafts/{id}', { params: { path: { id } }, signal }));
}

/** True while the first render runs or a re-render is on its way. */
export function isRendering(draft: DraftDto | undefined): boolean {
  if (!draft) return false;
  return (
    draft.status === 'queued' ||
    draft.status === 'processing' ||
    draft.variants.some((v) => v.status === 'queued' || v.status === 'rendering')
  );
}

/** True while an unlocked draft's HD images are being made (after the previews). */
export function isMakingHd(draft: DraftDto | undefined): boolean {
  if (!draft?.unlocked) return false;
  return draft.variants.some((v) => v.hdStatus === 'queued' || v.hdStatus === 'rendering');
}

export function draftQueryOptions(id: string) {
  return queryOptions({
    queryKey: draftQueryKey(id),
    queryFn: ({ signal }) => getDraft(id, { signal }),
    // Progress by polling: quick while something renders, silent otherwise.
    refetchInterval: (query) =>
      isRendering(query.state.data) ? 600 : isMakingHd(query.state.data) ? 1000 : false,
  });
}

export function useDraft(id: string) {
  return useQuery(draftQueryOptions(id));
}
