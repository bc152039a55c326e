import { z } from 'zod';
import { changePasswordSchema, passwordResetConfirmSchema } from '@shared/auth/account.schema';

/*
 * The shared schemas plus a "type it again" field that never leaves the browser: a mistyped new
 * password is caught before it locks the person out.
 */

const confirmField = z.string().min(1, 'Type the new password again');
const MISMATCH = "The two passwords don't match";

export const resetPasswordFormSchema = passwordResetConfirmSchema
  .pick({ password: true })
  .extend({ confirmPassword: confirmField })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: MISMATCH,
  });
export type ResetPasswordFormValues = z.infer<typeof resetPasswordFormSchema>;

export const changePasswordFormSchema = changePasswordSchema
  .extend({ confirmPassword: confirmField })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ['confirmPassword'],
    message: MISMATCH,
  });
export type ChangePasswordFormValues = z.infer<typeof changePasswordFormSchema>;
