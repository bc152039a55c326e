import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DraftCreatedDto, GazePreference } from '@shared/drafts/drafts.types';
import { PROCESSING_NOTICE_VERSION } from '@shared/drafts/processing-notice';
import { answer, apiClient, toFormData } from '@/lib/api-client';
import { draftsQueryKey } from './list-drafts';

export interface UploadDraftInput {
  photo: File;
  gazePreference: GazePreference;
}

/** Sends the photo with the consent to the current processing notice. */
export function uploadDraft(input: UploadDraftInput) {
  return answer(
    apiClient.POST('/api/drafts', {
      body: {
        consent: 'true',
        noticeVersion: PROCESSING_NOTICE_VERSION,
        gazePreference: input.gazePreference,
        photo: input.photo,
      },
      bodySerializer: toFormData,
    }),
  );
}

export function useUploadDraft({ onUploaded }: { onUploaded: (created: DraftCreatedDto) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadDraft,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: draftsQueryKey });
      onUploaded(created);
    },
  });
}
