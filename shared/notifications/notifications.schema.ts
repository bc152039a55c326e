import { z } from 'zod';

export const outboxQuerySchema = z.strictObject({
  bookingId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxMessageParamSchema = z.strictObject({ id: z.uuid() });
export type OutboxMessageParam = z.infer<typeof outboxMessageParamSchema>;
