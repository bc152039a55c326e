import { z } from 'zod';
import { USER_ROLES } from '../auth/auth.types';

export const userListQuerySchema = z.strictObject({
  role: z.enum(USER_ROLES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
