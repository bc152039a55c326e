import { z } from 'zod';
import { timeZoneSchema } from '../photographers/photographers.schema';

export const compareQuerySchema = z.strictObject({
  draftId: z.uuid({ error: 'Not a draft id' }).optional(),
  /** Checked by the service, so that an unknown one gets UNKNOWN_USE_CASE with the valid list. */
  useCase: z.string().trim().max(40).optional(),
  city: z.string().trim().max(80).optional(),
  date: z.iso.date({ error: 'Use a date like 2026-12-01' }).optional(),
  /**
   * The browser's IANA zone: with no city, the studios are those in (or on the same clock as)
   * the viewer's zone rather than the best rated anywhere.
   */
  viewerTimeZone: timeZoneSchema.optional(),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;
