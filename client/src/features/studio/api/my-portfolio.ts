import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CSRF_COOKIE, CSRF_HEADER } from '@shared/auth/auth.types';
import { isApiErrorBody } from '@shared/errors';
import type { PortfolioImageDto } from '@shared/photographers/photographers.types';
import { api, ApiError, NetworkError } from '@/lib/api-client';
import { myProfileQueryKey } from './my-profile';

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export interface UploadOptions {
  /** 0–1 as the bytes go out. */
  onProgress?: (fraction: number) => void;
  /** The session's token, used when the CSRF cookie cannot be read. */
  csrfToken?: string;
}

/**
 * Uploads one portfolio picture (multipart field `image`). XMLHttpRequest rather than fetch,
 * because only it reports upload progress; errors become the same ApiError as everywhere.
 */
export function uploadPortfolioImage(
  file: File,
  { onProgress, csrfToken }: UploadOptions = {},
): Promise<PortfolioImageDto> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('image', file);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/photographers/me/portfolio');
    request.setRequestHeader('Accept', 'application/json');
    const token = cookie(CSRF_COOKIE) ?? csrfToken;
    if (token) request.setRequestHeader(CSRF_HEADER, token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(new NetworkError());
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as PortfolioImageDto);
      } else if (isApiErrorBody(body)) {
        reject(new ApiError(request.status, body.code, body.message, body.details));
      } else {
        reject(
          new ApiError(request.status, 'HTTP_ERROR', `The upload failed (HTTP ${request.status}).`),
        );
      }
    };
    request.send(form);
  });
}

export function deletePortfolioImage(id: string): Promise<void> {
  return api.delete<void>(`/photographers/me/portfolio/${encodeURIComponent(id)}`);
}

export function useDeletePortfolioImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePortfolioImage,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myProfileQueryKey }),
  });
}
