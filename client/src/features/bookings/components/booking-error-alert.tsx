import { EmailNotVerifiedAlert } from '@/components/account/email-not-verified-alert';
import { Alert } from '@/components/ui/alert';
import { isEmailNotVerified } from '@/lib/email-verification';
import { describeBookingError } from './booking-errors';

/**
 * A booking screen's error. An unconfirmed address (403 EMAIL_NOT_VERIFIED) gets the way out
 * with it: a button that sends the confirmation link again.
 */
export function BookingErrorAlert({
  error,
  tone = 'danger',
  email,
}: {
  error: unknown;
  tone?: 'warn' | 'danger';
  /** The signed-in person's address, when the screen has it. */
  email?: string;
}) {
  if (isEmailNotVerified(error)) return <EmailNotVerifiedAlert email={email} />;
  const { title, text } = describeBookingError(error);
  return (
    <Alert tone={tone} title={title}>
      {text}
    </Alert>
  );
}
