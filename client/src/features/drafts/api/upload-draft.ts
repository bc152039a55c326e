import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DraftCreatedDto, GazePreference } from '@shared/drafts/drafts.types';
import { PROCESSING_NOTICE_VERSION } from '@shared/drafts/processing-notice';
import { api } from '@/lib/api-client';
import { draftsQueryKey } from './list-drafts';

export interface UploadDraftInput {
  photo: File;
  gazePreference: GazePreference;
}

/** Sends the photo with the consent to the current processing notice. */
export function uploadDraft(input: UploadDraftInput): Promise<DraftCreatedDto> {
  const form = new FormData();
  form.append('consent', 'true');
  form.append('noticeVersion', PROCESSING_NOTICE_VERSION);
  form.append('gazePreference', input.gazePreference);
  form.append('photo', input.photo);
  return api.post<DraftCreatedDto>('/drafts', form);
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
