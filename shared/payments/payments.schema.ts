import { z } from 'zod';

export const adminRefundSchema = z.strictObject({
  amountCents: z.number().int('Whole cents only').positive('Refund a positive amount'),
  requestId: z.uuid('Send a UUID that identifies this refund request'),
});
