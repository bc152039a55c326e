import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateBookingInput } from '@shared/bookings/bookings.schema';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { answer, apiClient } from '@/lib/api-client';
import { viewerTimeZone } from '@/lib/zoned-time';
import { draftCreditsQueryKey } from './draft-credits';
import { bookingQueryKey } from './get-booking';
import { bookingsQueryKey } from './list-bookings';
import { slotsQueryKey } from './get-slots';

/** Holds the slot for checkout: 201 `held` with `holdExpiresAt`, or 409 SLOT_TAKEN / SLOT_UNAVAILABLE. */
export function holdSlot(input: CreateBookingInput) {
  // The client's zone travels with the booking so their emails show their own times.
  return answer(
    apiClient.POST('/api/bookings', { body: { clientTimeZone: viewerTimeZone(), ...input } }),
  );
}

export type SimpleBookingAction =
  'confirm' | 'approve' | 'decline' | 'cancel' | 'complete' | 'no-show';

/** `reason`: a decline's note for the client. */
export function actOnBooking(id: string, action: SimpleBookingAction, reason?: string) {
  const params = { path: { id } };
  switch (action) {
    case 'decline':
      return answer(
        apiClient.POST('/api/bookings/{id}/decline', {
          params,
          // No reason, no body: the route's schema accepts none (the contract says so).
          ...(reason ? { body: { reason } } : {}),
        }),
      );
    case 'confirm':
      return answer(apiClient.POST('/api/bookings/{id}/confirm', { params }));
    case 'approve':
      return answer(apiClient.POST('/api/bookings/{id}/approve', { params }));
    case 'cancel':
      return answer(apiClient.POST('/api/bookings/{id}/cancel', { params }));
    case 'complete':
      return answer(apiClient.POST('/api/bookings/{id}/complete', { params }));
    case 'no-show':
      return answer(apiClient.POST('/api/bookings/{id}/no-show', { params }));
  }
}

export function rescheduleBooking(id: string, startsAt: string) {
  return answer(
    apiClient.POST('/api/bookings/{id}/reschedule', {
      params: { path: { id } },
      body: { startsAt },
    }),
  );
}

/** After any change: the lists, this booking and the photographer's free times are out of date. */
function useRefreshAfter() {
  const queryClient = useQueryClient();
  return (booking: BookingDto) => {
    queryClient.setQueryData(bookingQueryKey(booking.id), booking);
    void queryClient.invalidateQueries({ queryKey: bookingsQueryKey });
    void queryClient.invalidateQueries({ queryKey: slotsQueryKey(booking.photographer.id) });
  };
}

export function useHoldSlot() {
  const refresh = useRefreshAfter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: holdSlot,
    onSuccess: (booking) => {
      refresh(booking);
      // A credit counts once: the one this booking used is no longer on offer.
      if (booking.price.draftCredit) {
        void queryClient.invalidateQueries({ queryKey: draftCreditsQueryKey });
      }
    },
  });
}

export function useBookingAction() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({
      id,
      action,
      reason,
    }: {
      id: string;
      action: SimpleBookingAction;
      reason?: string;
    }) => actOnBooking(id, action, reason),
    onSuccess: refresh,
  });
}

export function useRescheduleBooking() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, startsAt }: { id: string; startsAt: string }) =>
      rescheduleBooking(id, startsAt),
    onSuccess: refresh,
  });
}

/** Online payments: the hosted payment page for a held booking (deposit or full price). */
export function startBookingCheckout(id: string) {
  return answer(apiClient.POST('/api/bookings/{id}/checkout', { params: { path: { id } } }));
}

export function useStartBookingCheckout({ navigate }: { navigate: (url: string) => void }) {
  return useMutation({
    mutationFn: startBookingCheckout,
    onSuccess: (checkout) => navigate(checkout.url),
  });
}
