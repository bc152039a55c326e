import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVariantInput } from '@shared/drafts/drafts.schema';
import type { DraftVariantDto } from '@shared/drafts/drafts.types';
import { api } from '@/lib/api-client';
import { draftQueryKey } from './get-draft';

export function createVariant(
  draftId: string,
  input: CreateVariantInput,
): Promise<DraftVariantDto> {
  return api.post<DraftVariantDto>(`/drafts/${draftId}/variants`, input);
}

/** A re-render with new parameters; the draft query polls until it is ready. */
export function useCreateVariant(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateVariantInput) => createVariant(draftId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftQueryKey(draftId) }),
  });
}
