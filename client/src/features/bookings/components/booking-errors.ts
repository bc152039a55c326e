import { AccountErrorCode } from '@shared/auth/account.types';
import { BookingErrorCode } from '@shared/bookings/bookings.types';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';

/** The server's answers when a draft credit cannot be applied (409), and a gone draft (404). */
export const CreditErrorCode = {
  AlreadyUsed: 'CREDIT_ALREADY_USED',
  Expired: 'CREDIT_EXPIRED',
  NotAvailable: 'CREDIT_NOT_AVAILABLE',
} as const;
const DRAFT_NOT_FOUND = 'DRAFT_NOT_FOUND';

/** The draft credit was refused: book again without it. */
export function isCreditRefused(error: unknown): boolean {
  return (
    error instanceof ApiError && (Object.values(CreditErrorCode) as string[]).includes(error.code)
  );
}

/** The draft attached as a brief is gone (deleted, or not this client's): book without it. */
export function isDraftGone(error: unknown): boolean {
  return error instanceof ApiError && error.code === DRAFT_NOT_FOUND;
}

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
      case CreditErrorCode.AlreadyUsed:
        return {
          title: 'Your AI draft credit was already used',
          text: 'It went towards another booking, and a credit counts once. We took it off: hold the time again to book at the full price.',
        };
      case CreditErrorCode.Expired:
        return {
          title: 'Your AI draft credit has expired',
          text: 'Credits last 30 days after the HD unlock. We took it off: hold the time again to book at the full price.',
        };
      case CreditErrorCode.NotAvailable:
        return {
          title: 'This AI draft credit cannot be used here',
          text: 'It is not paid yet, or it is in another currency than this package. We took it off: hold the time again to book without it.',
        };
      case DRAFT_NOT_FOUND:
        return {
          title: 'Your AI draft is no longer there',
          text: 'It may have been deleted. We took it off this booking: hold the time again to book without it, and describe the look in your notes.',
        };
      case AccountErrorCode.EmailNotVerified:
        return {
          title: 'Confirm your email address first',
          text: 'Follow the link we sent to your email address, then try again.',
        };
      case BookingErrorCode.TransitionNotAllowed:
      case 'BOOKING_CHANGED':
        return { title: 'This booking has changed', text: error.message };
    }
  }
  return { title: 'That did not work', text: describeError(error) };
}
