import { useQuery } from '@tanstack/react-query';
import type { UserDto } from '@shared/auth/auth.types';
import { EmailNotVerifiedAlert } from '@/components/account/email-not-verified-alert';
import { meQueryOptions } from '@/features/auth/api/get-me';

/**
 * Shown on every signed-in page until the address is confirmed. The link is usually followed
 * in another tab, so coming back to this one checks the session again and the banner goes.
 */
export function UnverifiedEmailBanner({ user }: { user: UserDto }) {
  useQuery({ ...meQueryOptions(), refetchOnWindowFocus: 'always' });
  return (
    <EmailNotVerifiedAlert
      email={user.email}
      title="Confirm your email address to book sessions."
      resendLabel="Send it again"
    >
      We sent a link to {user.email}.
    </EmailNotVerifiedAlert>
  );
}
