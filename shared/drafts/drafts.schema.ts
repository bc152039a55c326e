import { z } from 'zod';
import {
  BACKDROP_KINDS,
  CROPS,
  GAZE_PREFERENCES,
  STYLE_PRESETS,
  type VariantParams,
} from './drafts.types';

const unit = (min: number) => z.number().min(min).max(1);

export const variantParamsSchema = z.strictObject({
  backdrop: z.enum(BACKDROP_KINDS),
  backdropColor: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, 'Use a colour like #5b6770')
    .transform((c) => c.toLowerCase()),
  warmth: unit(-1),
  brightness: unit(-1),
  contrast: unit(-1),
  monochrome: z.boolean(),
  crop: z.enum(CROPS),
  retouch: unit(0),
  relight: unit(0),
  straighten: z.boolean(),
}) satisfies z.ZodType<VariantParams, unknown>;

/** A re-render: a style, plus any parameters to change from that style's preset. */
export const createVariantSchema = z.strictObject({
  style: z.enum(STYLE_PRESETS),
  params: variantParamsSchema.partial().default({}),
});
export type CreateVariantInput = z.infer<typeof createVariantSchema>;

/** The text fields of the multipart upload (multipart values arrive as strings). */
export const uploadDraftFieldsSchema = z.object({
  consent: z.string().optional(),
  noticeVersion: z.string().max(40).optional(),
  gazePreference: z.enum(GAZE_PREFERENCES).default('direct'),
});
export type UploadDraftFields = z.infer<typeof uploadDraftFieldsSchema>;

export const updateDraftSchema = z.strictObject({
  keep: z.boolean(),
});
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;

/** Picks the look the comparison, the booking hand-off and the brief use. */
export const chooseVariantSchema = z.strictObject({
  variantId: z.uuid({ error: 'Not a variant id' }),
});
export type ChooseVariantInput = z.infer<typeof chooseVariantSchema>;

export const draftIdParamSchema = z.object({ id: z.uuid({ error: 'Not a draft id' }) });
export const variantImageParamsSchema = z.object({
  id: z.uuid({ error: 'Not a draft id' }),
  variantId: z.uuid({ error: 'Not a variant id' }),
});
export const variantImageQuerySchema = z.object({
  size: z.enum(['preview', 'hd', 'before']).default('preview'),
  download: z.enum(['0', '1']).optional(),
});
