import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVariantInput } from '@shared/drafts/drafts.schema';
import { answer, apiClient } from '@/lib/api-client';
import { draftQueryKey } from './get-draft';

export function createVariant(draftId: string, input: CreateVariantInput) {
  return answer(
    apiClient.POST('/api/drafts/{id}/variants', { params: { path: { id: draftId } }, body: input }),
  );
}

/** A re-render with new parameters; the draft query polls until it is ready. */
export function useCreateVariant(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateVariantInput) => createVariant(draftId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftQueryKey(draftId) }),
  });
}
