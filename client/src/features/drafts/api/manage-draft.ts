import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';
import { draftQueryKey } from './get-draft';
import { draftsQueryKey } from './list-drafts';

export function unlockDraft(id: string) {
  return answer(apiClient.POST('/api/drafts/{id}/unlock', { params: { path: { id } } }));
}

export function setKeep(id: string, keep: boolean) {
  return answer(apiClient.PATCH('/api/drafts/{id}', { params: { path: { id } }, body: { keep } }));
}

export function deleteDraft(id: string): Promise<void> {
  return answer(apiClient.DELETE('/api/drafts/{id}', { params: { path: { id } } }));
}

export function deleteMyData() {
  return answer(apiClient.DELETE('/api/me/data'));
}

/** Unlocks at once (manual rule) or sends the person to the payment page (Stripe). */
export function useUnlockDraft(
  id: string,
  {
    leaveTo = (url: string) => window.location.assign(url),
  }: { leaveTo?: (url: string) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unlockDraft(id),
    onSuccess: (result) => {
      if (result.checkoutUrl && !result.unlocked) return leaveTo(result.checkoutUrl);
      return queryClient.invalidateQueries({ queryKey: draftQueryKey(id) });
    },
  });
}

export function useSetKeep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keep: boolean) => setKeep(id, keep),
    onSuccess: (draft) => {
      queryClient.setQueryData(draftQueryKey(id), draft);
      void queryClient.invalidateQueries({ queryKey: draftsQueryKey, exact: true });
    },
  });
}

export function useDeleteDraft({ onDeleted }: { onDeleted?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDraft,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: draftQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: draftsQueryKey, exact: true });
      onDeleted?.();
    },
  });
}

export function useDeleteMyData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMyData,
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: draftsQueryKey });
      void queryClient.invalidateQueries({ queryKey: draftsQueryKey });
    },
  });
}
