import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectCalendarInput } from '@shared/calendars/calendars.schema';
import type {
  ExternalCalendarDto,
  ExternalCalendarListDto,
} from '@shared/calendars/calendars.types';
import { answer, apiClient } from '@/lib/api-client';
import { myStudioQueryKey } from './my-profile';

export const myCalendarsQueryKey = [...myStudioQueryKey, 'calendars'] as const;

/** My own calendars (read so that their events block my slots), with how often they are read. */
export function getMyCalendars({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/photographers/me/calendars', { signal }));
}

export function myCalendarsQueryOptions() {
  return queryOptions({
    queryKey: myCalendarsQueryKey,
    queryFn: ({ signal }) => getMyCalendars({ signal }),
  });
}

export function useMyCalendars() {
  return useQuery(myCalendarsQueryOptions());
}

/** Puts one calendar's new state into the cached list (added at the end when it is new). */
function withCalendar(list: ExternalCalendarListDto, calendar: ExternalCalendarDto) {
  const known = list.calendars.some((c) => c.id === calendar.id);
  return {
    ...list,
    calendars: known
      ? list.calendars.map((c) => (c.id === calendar.id ? calendar : c))
      : [...list.calendars, calendar],
  };
}

function useUpdateCachedList() {
  const queryClient = useQueryClient();
  return (update: (list: ExternalCalendarListDto) => ExternalCalendarListDto) =>
    queryClient.setQueryData<ExternalCalendarListDto>(myCalendarsQueryKey, (list) =>
      list ? update(list) : list,
    );
}

/** The server reads the calendar before it saves it: this takes seconds, and fails with why. */
export function connectMyCalendar(input: ConnectCalendarInput) {
  return answer(apiClient.POST('/api/photographers/me/calendars', { body: input }));
}

export function useConnectMyCalendar() {
  const update = useUpdateCachedList();
  return useMutation({
    mutationFn: connectMyCalendar,
    onSuccess: (calendar) => update((list) => withCalendar(list, calendar)),
  });
}

/** Reads it now; a calendar that cannot be read comes back with `status: 'error'` (still 200). */
export function syncMyCalendar(id: string) {
  return answer(
    apiClient.POST('/api/photographers/me/calendars/{id}/sync', { params: { path: { id } } }),
  );
}

export function useSyncMyCalendar() {
  const update = useUpdateCachedList();
  return useMutation({
    mutationFn: syncMyCalendar,
    onSuccess: (calendar) => update((list) => withCalendar(list, calendar)),
  });
}

/** Stops reading it; bookings already written into it stay there. */
export function removeMyCalendar(id: string) {
  return answer(
    apiClient.DELETE('/api/photographers/me/calendars/{id}', { params: { path: { id } } }),
  );
}

export function useRemoveMyCalendar() {
  const update = useUpdateCachedList();
  return useMutation({
    mutationFn: removeMyCalendar,
    onSuccess: (_, id) =>
      update((list) => ({ ...list, calendars: list.calendars.filter((c) => c.id !== id) })),
  });
}
