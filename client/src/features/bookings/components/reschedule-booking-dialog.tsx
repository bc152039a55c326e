import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useRescheduleBooking } from '../api/booking-actions';
import { slotsQueryKey } from '../api/get-slots';
import { BookingWhen } from './booking-when';
import { BookingErrorAlert } from './booking-error-alert';
import { isSlotLost } from './booking-errors';
import { SlotPicker } from './slot-picker';
import { dayKeyIn, viewerTimeZone } from '@/lib/zoned-time';

/** Move a booking to another free time: same booking, same price, nothing charged again. */
export function RescheduleBookingDialog({
  booking,
  open,
  onClose,
}: {
  booking: BookingDto;
  open: boolean;
  onClose: () => void;
}) {
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const move = useRescheduleBooking();
  const queryClient = useQueryClient();

  const submit = () => {
    if (!startsAt) return;
    move.mutate(
      { id: booking.id, startsAt },
      {
        onSuccess: () => {
          setStartsAt(null);
          onClose();
        },
        onError: (error) => {
          if (!isSlotLost(error)) return;
          setStartsAt(null);
          void queryClient.invalidateQueries({
            queryKey: slotsQueryKey(booking.photographer.id),
          });
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Move this booking"
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Keep the current time
          </Button>
          <Button disabled={!startsAt} loading={move.isPending} onClick={submit}>
            Move to this time
          </Button>
        </>
      }
    >
      <div className="stack">
        <p className="text-sm">
          Now: <BookingWhen booking={booking} compact />. Same session and price — nothing is
          charged again.
        </p>
        {move.isError ? (
          <BookingErrorAlert error={move.error} tone={isSlotLost(move.error) ? 'warn' : 'danger'} />
        ) : null}
        {open ? (
          <SlotPicker
            photographerId={booking.photographer.id}
            packageId={booking.packageId}
            rescheduling={booking.id}
            studioTimeZone={booking.timeZone}
            selected={startsAt}
            onSelect={setStartsAt}
            // Opens on the booking's own day (in the viewer's zone), not on today.
            initialDay={dayKeyIn(new Date(booking.startsAt), viewerTimeZone())}
          />
        ) : null}
      </div>
    </Dialog>
  );
}
