import { z } from 'zod';

export const adminRefundSchema = z.strictObject({
  amountCents: z.number().int('Whole cents only').positive('Refund a positive amount'),
  requestId: z.uuid('Send a UUID that identifies this refund request'),
});

export const adminPaymentListSchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminPaymentListQuery = z.infer<typeof adminPaymentListSchema>;
