import { z } from 'zod';
import { REFUND_REQUEST_STATUSES } from './payments.types';

export const adminRefundSchema = z.strictObject({
  amountCents: z.number().int('Whole cents only').positive('Refund a positive amount'),
  requestId: z.uuid('Send a UUID that identifies this refund request'),
});

export const adminPaymentListSchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminPaymentListQuery = z.infer<typeof adminPaymentListSchema>;

export const adminRefundListSchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  status: z.enum(REFUND_REQUEST_STATUSES).optional(),
});
export type AdminRefundListQuery = z.infer<typeof adminRefundListSchema>;
