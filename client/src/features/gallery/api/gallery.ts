import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SelectionInput } from '@shared/gallery/gallery.schema';
import { answer, api, apiClient, type UploadOptions } from '@/lib/api-client';

export const galleryQueryKey = (bookingId: string) => ['gallery', bookingId] as const;
export const deliveriesQueryKey = ['gallery', 'deliveries'] as const;

const byId = (id: string) => ({ path: { id } });
type Gallery = Awaited<ReturnType<typeof getGallery>>;

export function getGallery(bookingId: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(
    apiClient.GET('/api/bookings/{id}/gallery', { params: { path: { id: bookingId } }, signal }),
  );
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
  return answer(apiClient.GET('/api/deliveries', { signal }));
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
export function uploadProof(bookingId: string, file: File, options: UploadOptions = {}) {
  return api.upload(
    '/api/bookings/{id}/gallery/proofs',
    { id: bookingId },
    { images: [file] },
    options,
  );
}

export function uploadFinal(
  bookingId: string,
  proofId: string,
  file: File,
  options: UploadOptions = {},
) {
  return api.upload(
    '/api/bookings/{id}/gallery/finals',
    { id: bookingId },
    { proofId, image: file },
    options,
  );
}

/** A gallery mutation that answers with the new gallery: the cache is replaced with it. */
function useGalleryAction<V>(bookingId: string, run: (variables: V) => Promise<Gallery>) {
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
    answer(apiClient.POST('/api/bookings/{id}/gallery/publish', { params: byId(bookingId) })),
  );
}

export function useSelectFavourites(bookingId: string) {
  return useGalleryAction(bookingId, (input: SelectionInput) =>
    answer(
      apiClient.POST('/api/bookings/{id}/gallery/selection', {
        params: byId(bookingId),
        body: input,
      }),
    ),
  );
}

export function useDeliver(bookingId: string) {
  return useGalleryAction(bookingId, () =>
    answer(apiClient.POST('/api/bookings/{id}/gallery/deliver', { params: byId(bookingId) })),
  );
}

export function getDownloads(bookingId: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(
    apiClient.GET('/api/bookings/{id}/gallery/downloads', { params: byId(bookingId), signal }),
  );
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
