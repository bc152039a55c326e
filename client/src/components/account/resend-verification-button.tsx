import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { useResendVerificationEmail } from '@/lib/email-verification';
import { describeError } from '@/lib/error-messages';
import './email-not-verified-alert.css';

/** Sends the signed-in person a fresh confirmation link; says so in a toast. */
export function ResendVerificationButton({
  email,
  label = 'Send the link again',
  variant = 'secondary',
}: {
  /** The address the link goes to, when the screen knows it. */
  email?: string;
  label?: string;
  variant?: 'primary' | 'secondary';
}) {
  const resend = useResendVerificationEmail();
  const where = email ?? 'your email address';
  return (
    <div className="verify-alert__resend">
      <Button
        variant={variant}
        size="sm"
        loading={resend.isPending}
        onClick={() =>
          resend.mutate(undefined, {
            onSuccess: () =>
              toast.success(`We sent a new link to ${where}.`, {
                description: 'It can take a minute to arrive. Check your spam folder too.',
              }),
          })
        }
      >
        {label}
      </Button>
      {resend.isError ? (
        <p className="verify-alert__error" role="alert">
          We couldn&apos;t send it. {describeError(resend.error)}
        </p>
      ) : null}
    </div>
  );
}
