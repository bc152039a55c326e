import { BookingErrorCode } from '@shared/bookings/bookings.types';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';

/** The slot is gone (taken, or no longer bookable): the free times must be asked for again. */
export function isSlotLost(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === BookingErrorCode.SlotTaken || error.code === BookingErrorCode.SlotUnavailable)
  );
}

/** A title and a sentence a client can act on, for errors of the booking screens. */
export function describeBookingError(error: unknown): { title: string; text: string } {
  if (error instanceof ApiError) {
    switch (error.code) {
      case BookingErrorCode.SlotTaken:
        return {
          title: 'Someone just booked that time',
          text: 'We refreshed the free times above. Pick another one — it only takes a moment.',
        };
      case BookingErrorCode.SlotUnavailable:
        return {
          title: 'That time can no longer be booked',
          text: 'It is now too close to the start, or the photographer changed their hours. We refreshed the free times above.',
        };
      case BookingErrorCode.HoldExpired:
        return {
          title: 'Your hold lapsed',
          text: 'Holds last 15 minutes. Pick a time again to book.',
        };
      case BookingErrorCode.AlreadyStarted:
        return { title: 'The session has already started', text: error.message };
      case BookingErrorCode.RescheduleTooLate:
        return { title: 'Too late to move this session', text: error.message };
      case BookingErrorCode.PackageInactive:
      case BookingErrorCode.PackageNotFound:
        return {
          title: 'That package is no longer offered',
          text: 'Choose another package from this photographer.',
        };
      case BookingErrorCode.TransitionNotAllowed:
      case 'BOOKING_CHANGED':
        return { title: 'This booking has changed', text: error.message };
    }
  }
  return { title: 'That did not work', text: describeError(error) };
}
