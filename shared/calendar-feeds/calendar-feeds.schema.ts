import { z } from 'zod';

/**
 * The token in a feed URL. Any string is accepted here so that a wrong or mangled link answers
 * 404 CALENDAR_FEED_NOT_FOUND like an unknown one, not 400.
 */
export const feedTokenParamSchema = z.object({
  token: z.string().max(200).describe('The secret token from the feed URL (43 characters)'),
});
export type FeedTokenParam = z.infer<typeof feedTokenParamSchema>;
