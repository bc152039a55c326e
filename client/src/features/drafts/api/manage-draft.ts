import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeletedDataDto, DraftDto, UnlockDto } from '@shared/drafts/drafts.types';
import { api } from '@/lib/api-client';
import { draftQueryKey } from './get-draft';
import { draftsQueryKey } from './list-drafts';

export function unlockDraft(id: string): Promise<UnlockDto> {
  return api.post<UnlockDto>(`/drafts/${id}/unlock`);
}

export function setKeep(id: string, keep: boolean): Promise<DraftDto> {
  return api.patch<DraftDto>(`/drafts/${id}`, { keep });
}

export function deleteDraft(id: string): Promise<void> {
  return api.delete<void>(`/drafts/${id}`);
}

export function deleteMyData(): Promise<DeletedDataDto> {
  return api.delete<DeletedDataDto>('/me/data');
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
