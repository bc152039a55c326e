import { z } from 'zod';
import { timeZoneSchema } from '../photographers/photographers.schema';
import { BOOKING_STATUSES } from './bookings.types';
import { USE_CASES } from '../compare/use-cases';

export const createBookingSchema = z.strictObject({
  packageId: z.uuid('Choose a package'),
  startsAt: z.iso.datetime({ offset: true, error: 'Choose a start time' }),
  notes: z.string().trim().max(2000, 'At most 2000 characters').optional(),
  /** An AI draft whose look the photographer should see, as the booking's brief. */
  draftId: z.uuid().optional(),
  /** Which of the draft's variants is the look (default: the first ready one). */
  draftVariantId: z.uuid().optional(),
  /** What the photos are for (from the comparison), written into the brief. */
  useCase: z.enum(USE_CASES).optional(),
  /** Apply this draft's paid HD unlock as a credit (within 30 days, once). */
  creditDraftId: z.uuid().optional(),
  /** The client's own IANA zone (the browser's), so their emails show their local times. */
  clientTimeZone: timeZoneSchema.optional(),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

/** A photographer declining a request may say why; the client reads it (page and email). */
export const declineSchema = z
  .strictObject({
    reason: z.string().trim().max(500, 'Use at most 500 characters').optional(),
  })
  // No body at all is a decline without a reason.
  .optional()
  .transform((body) => body ?? {});
export type DeclineInput = z.infer<typeof declineSchema>;

export const rescheduleSchema = z.strictObject({
  startsAt: z.iso.datetime({ offset: true, error: 'Choose a new start time' }),
});
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

export const bookingListQuerySchema = z.strictObject({
  status: z.enum(BOOKING_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type BookingListQuery = z.infer<typeof bookingListQuerySchema>;
