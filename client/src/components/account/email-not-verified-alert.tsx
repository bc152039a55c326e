import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { ResendVerificationButton } from './resend-verification-button';
import './email-not-verified-alert.css';

interface EmailNotVerifiedAlertProps {
  /** The address the link goes to, when the screen knows it. */
  email?: string;
  title?: string;
  children?: ReactNode;
  resendLabel?: string;
}

/**
 * "Confirm your email address first", with a button that sends the link again: shown wherever
 * the server answers 403 EMAIL_NOT_VERIFIED (booking, payouts) and as the app's banner.
 */
export function EmailNotVerifiedAlert({
  email,
  title = 'Confirm your email address first',
  children,
  resendLabel,
}: EmailNotVerifiedAlertProps) {
  return (
    <Alert tone="warn" title={title}>
      <div className="verify-alert">
        <p>
          {children ?? (
            <>
              Follow the link we sent to {email ?? 'your email address'}, then try again. Until then
              you can look around, but not book sessions or take payments.
            </>
          )}
        </p>
        <ResendVerificationButton email={email} label={resendLabel} />
      </div>
    </Alert>
  );
}
