import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChooseVariantInput } from '@shared/drafts/drafts.schema';
import type { DraftDto } from '@shared/drafts/drafts.types';
import { api } from '@/lib/api-client';
import { draftQueryKey } from './get-draft';

/** Picks the look the comparison, "Book this session with this look" and the brief use. */
export function chooseVariant(draftId: string, input: ChooseVariantInput): Promise<DraftDto> {
  return api.put<DraftDto>(`/drafts/${draftId}/chosen-variant`, input);
}

export function useChooseVariant(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variantId: string) => chooseVariant(draftId, { variantId }),
    onSuccess: (draft) => queryClient.setQueryData(draftQueryKey(draftId), draft),
  });
}
