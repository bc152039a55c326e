import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PackageInput, PackagePatch } from '@shared/photographers/photographers.schema';
import { answer, apiClient } from '@/lib/api-client';
import { myProfileQueryKey } from './my-profile';

// The packages come with my profile (`GET /photographers/me`), so writes refresh that.

export function createPackage(input: PackageInput) {
  return answer(apiClient.POST('/api/photographers/me/packages', { body: input }));
}

export function updatePackage(id: string, patch: PackagePatch) {
  return answer(
    apiClient.PATCH('/api/photographers/me/packages/{id}', {
      params: { path: { id } },
      body: patch,
    }),
  );
}

/** Archives the package: existing bookings keep pointing at it. */
export function archivePackage(id: string): Promise<void> {
  return answer(
    apiClient.DELETE('/api/photographers/me/packages/{id}', { params: { path: { id } } }),
  );
}

function useRefreshProfile() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: myProfileQueryKey });
}

export function useSavePackage() {
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: PackageInput }) =>
      id ? updatePackage(id, input) : createPackage(input),
    onSuccess: refresh,
  });
}

export function useSetPackageActive() {
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => updatePackage(id, { active }),
    onSuccess: refresh,
  });
}
