import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './auth.types';
import { emailSchema, newPasswordSchema } from './auth.schema';

/** Emailed tokens are 43 base64url characters; anything else is refused before a lookup. */
const tokenSchema = z
  .string({ error: 'The link is incomplete' })
  .trim()
  .min(1, 'The link is incomplete')
  .max(200, 'The link is not valid');

const currentPasswordSchema = z
  .string({ error: 'Enter your password' })
  .min(1, 'Enter your password')
  .max(PASSWORD_MAX_LENGTH, 'Password is too long');

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetConfirmSchema = z.strictObject({
  token: tokenSchema,
  password: newPasswordSchema,
});
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmSchema>;

export const emailTokenSchema = z.strictObject({ token: tokenSchema });
export type EmailTokenInput = z.infer<typeof emailTokenSchema>;

export const updateMeSchema = z.strictObject({
  name: z
    .string({ error: 'Enter your name' })
    .trim()
    .min(1, 'Enter your name')
    .max(100, 'Use at most 100 characters'),
});
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changeEmailSchema = z.strictObject({
  newEmail: emailSchema,
  password: currentPasswordSchema,
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export const deleteAccountSchema = z.strictObject({ password: currentPasswordSchema });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

export const sessionIdParamSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'Not a session id'),
});
export type SessionIdParam = z.infer<typeof sessionIdParamSchema>;
