import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, api, apiClient } from '@/lib/api-client';
import { myProfileQueryKey } from './my-profile';

export interface UploadOptions {
  /** 0–1 as the bytes go out. */
  onProgress?: (fraction: number) => void;
}

/**
 * Uploads one portfolio picture (multipart field `image`), with progress; errors are the same
 * ApiError and NetworkError as everywhere.
 */
export function uploadPortfolioImage(file: File, { onProgress }: UploadOptions = {}) {
  return api.upload(
    '/api/photographers/me/portfolio',
    {},
    { image: file },
    {
      onProgress: (sent, total) => {
        if (total > 0) onProgress?.(sent / total);
      },
    },
  );
}

export function deletePortfolioImage(id: string): Promise<void> {
  return answer(
    apiClient.DELETE('/api/photographers/me/portfolio/{id}', { params: { path: { id } } }),
  );
}

export function useDeletePortfolioImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePortfolioImage,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myProfileQueryKey }),
  });
}
