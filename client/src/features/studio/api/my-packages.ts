import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PackageInput, PackagePatch } from '@shared/photographers/photographers.schema';
import type { PackageDto } from '@shared/photographers/photographers.types';
import { api } from '@/lib/api-client';
import { myProfileQueryKey } from './my-profile';

// The packages come with my profile (`GET /photographers/me`), so writes refresh that.

export function createPackage(input: PackageInput): Promise<PackageDto> {
  return api.post<PackageDto>('/photographers/me/packages', input);
}

export function updatePackage(id: string, patch: PackagePatch): Promise<PackageDto> {
  return api.patch<PackageDto>(`/photographers/me/packages/${encodeURIComponent(id)}`, patch);
}

/** Archives the package: existing bookings keep pointing at it. */
export function archivePackage(id: string): Promise<void> {
  return api.delete<void>(`/photographers/me/packages/${encodeURIComponent(id)}`);
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
