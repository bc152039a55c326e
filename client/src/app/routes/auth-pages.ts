// The public account pages share one lazily loaded chunk (they share the form libraries).
export { ConfirmEmailChangeRoute } from './confirm-email-change';
export { ForgotPasswordRoute } from './forgot-password';
export { LoginRoute } from './login';
export { ResetPasswordRoute } from './reset-password';
export { SignupRoute } from './signup';
export { VerifyEmailRoute } from './verify-email';
