import { z } from 'zod';

export const bookingIdParamSchema = z.strictObject({ id: z.uuid() });
export type BookingIdParam = z.infer<typeof bookingIdParamSchema>;

export const selectionSchema = z.strictObject({
  imageIds: z
    .array(z.uuid())
    .min(1, 'Choose at least one photo')
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'Each photo once'),
  /**
   * The client agrees to pay for photos beyond the package (at the studio with the manual
   * provider, online otherwise). Without it, going over the included number is refused with
   * the price.
   */
  acceptExtraCharge: z.boolean().default(false),
});
export type SelectionInput = z.infer<typeof selectionSchema>;

export const finalUploadFieldsSchema = z.strictObject({
  proofId: z.uuid('Say which selected proof this final is for'),
});
export type FinalUploadFields = z.infer<typeof finalUploadFieldsSchema>;

export const signedLinkQuerySchema = z.strictObject({
  expires: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'A download signature'),
});
export type SignedLinkQuery = z.infer<typeof signedLinkQuerySchema>;

export const imageRenditionParamSchema = z.strictObject({
  id: z.uuid(),
  rendition: z.enum(['thumb', 'preview']),
});
export type ImageRenditionParam = z.infer<typeof imageRenditionParamSchema>;

export const reviewSchema = z.strictObject({
  // Coerced: a form's radio buttons give "5", an API client gives 5.
  rating: z.coerce
    .number({ error: 'Choose 1 to 5 stars' })
    .int('A whole number of stars')
    .min(1, 'At least 1 star')
    .max(5, 'At most 5 stars'),
  text: z
    .string()
    .trim()
    .min(10, 'Write at least a sentence (10 characters)')
    .max(2000, 'At most 2000 characters'),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const reviewReplySchema = z.strictObject({
  text: z.string().trim().min(2, 'Write a reply').max(2000, 'At most 2000 characters'),
});
export type ReviewReplyInput = z.infer<typeof reviewReplySchema>;
