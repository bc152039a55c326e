import { z } from 'zod';
import { USE_CASES } from './use-cases';

export const compareQuerySchema = z.strictObject({
  draftId: z.uuid({ error: 'Not a draft id' }).optional(),
  useCase: z.enum(USE_CASES, {
    error: `Choose a use case: ${USE_CASES.join(', ')}`,
  }),
  city: z.string().trim().max(80).optional(),
  date: z.iso.date({ error: 'Use a date like 2026-12-01' }).optional(),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;
