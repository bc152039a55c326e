import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SelectionInput } from '@shared/gallery/gallery.schema';
import type {
  DeliverySummaryDto,
  DownloadsDto,
  GalleryDto,
  GalleryImageDto,
  UploadResultDto,
} from '@shared/gallery/gallery.types';
import { api, type UploadOptions } from '@/lib/api-client';

export const galleryQueryKey = (bookingId: string) => ['gallery', bookingId] as const;
export const deliveriesQueryKey = ['gallery', 'deliveries'] as const;

export function getGallery(bookingId: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<GalleryDto>(`/bookings/${bookingId}/gallery`, { signal });
}

export function galleryQueryOptions(bookingId: string) {
  return queryOptions({
    queryKey: galleryQueryKey(bookingId),
    queryFn: ({ signal }) => getGallery(bookingId, { signal }),
  });
}

export function useGallery(bookingId: string) {
  return useQuery(galleryQueryOptions(bookingId));
}

export function getDeliveries({ signal }: { signal?: AbortSignal } = {}) {
  return api.get<DeliverySummaryDto[]>('/deliveries', { signal });
}

export function deliveriesQueryOptions() {
  return queryOptions({
    queryKey: deliveriesQueryKey,
    queryFn: ({ signal }) => getDeliveries({ signal }),
  });
}

export function useDeliveries() {
  return useQuery(deliveriesQueryOptions());
}

/** One request per file, so each has its own progress and its own verdict. */
export function uploadProof(
  bookingId: string,
  file: File,
  options: UploadOptions = {},
): Promise<UploadResultDto> {
  const form = new FormData();
  form.append('images', file, file.name);
  return api.upload('/api/bookings/{id}/gallery/proofs', { id: bookingId }, form, options);
}

export function uploadFinal(
  bookingId: string,
  proofId: string,
  file: File,
  options: UploadOptions = {},
): Promise<GalleryImageDto> {
  const form = new FormData();
  form.append('proofId', proofId);
  form.append('image', file, file.name);
  return api.upload('/api/bookings/{id}/gallery/finals', { id: bookingId }, form, options);
}

/** A gallery mutation that answers with the new gallery: the cache is replaced with it. */
function useGalleryAction<V>(bookingId: string, run: (variables: V) => Promise<GalleryDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (gallery) => {
      queryClient.setQueryData(galleryQueryKey(bookingId), gallery);
      void queryClient.invalidateQueries({ queryKey: deliveriesQueryKey });
    },
  });
}

export function usePublishProofs(bookingId: string) {
  return useGalleryAction(bookingId, () =>
    api.post<GalleryDto>(`/bookings/${bookingId}/gallery/publish`),
  );
}

export function useSelectFavourites(bookingId: string) {
  return useGalleryAction(bookingId, (input: SelectionInput) =>
    api.post<GalleryDto>(`/bookings/${bookingId}/gallery/selection`, input),
  );
}

export function useDeliver(bookingId: string) {
  return useGalleryAction(bookingId, () =>
    api.post<GalleryDto>(`/bookings/${bookingId}/gallery/deliver`),
  );
}

export function getDownloads(bookingId: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<DownloadsDto>(`/bookings/${bookingId}/gallery/downloads`, { signal });
}

export function downloadsQueryOptions(bookingId: string) {
  return queryOptions({
    queryKey: ['gallery', bookingId, 'downloads'] as const,
    queryFn: ({ signal }) => getDownloads(bookingId, { signal }),
    // Links expire; fetch fresh ones whenever the page is opened again.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useDownloads(bookingId: string) {
  return useQuery(downloadsQueryOptions(bookingId));
}
