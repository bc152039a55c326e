import { useMutation } from '@tanstack/react-query';
import { api, type UploadOptions } from '@/lib/api-client';

/** Sends one image to be read; answers what its Content Credentials say. */
export function verifyImage(image: File, options: UploadOptions = {}) {
  return api.upload('/api/provenance/verify', {}, { image }, options);
}

/** Checks one image at a time; `onProgress` gets the fraction sent (0–1). */
export function useVerifyImage({ onProgress }: { onProgress: (fraction: number) => void }) {
  return useMutation({
    mutationFn: (image: File) =>
      verifyImage(image, {
        onProgress: (sent, total) => onProgress(total > 0 ? sent / total : 0),
      }),
  });
}
