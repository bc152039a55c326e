import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChooseVariantInput } from '@shared/drafts/drafts.schema';
import { answer, apiClient } from '@/lib/api-client';
import { draftQueryKey } from './get-draft';

/** Picks the look the comparison, "Book this session with this look" and the brief use. */
export function chooseVariant(draftId: string, input: ChooseVariantInput) {
  return answer(
    apiClient.PUT('/api/drafts/{id}/chosen-variant', {
      params: { path: { id: draftId } },
      body: input,
    }),
  );
}

export function useChooseVariant(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variantId: string) => chooseVariant(draftId, { variantId }),
    onSuccess: (draft) => queryClient.setQueryData(draftQueryKey(draftId), draft),
  });
}
