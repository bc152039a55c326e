import { EMAIL_CHANGE_TTL_HOURS } from '@shared/auth/account.types';
import type { SessionDto } from '@shared/auth/auth.types';
import { ButtonLink } from '@/components/ui/button';
import { useConfirmEmailChange } from '@/features/auth/api/email-links';
import { EmailLinkPage, type LinkView } from './email-link-page';
import { APP_HOME, loginPath } from './next-path';

const ACCOUNT_PAGE = '/app/account';

/** To the account page, where a change of address starts (logging in first if need be). */
function accountLink(session: SessionDto | null, label: string) {
  return (
    <ButtonLink to={session ? ACCOUNT_PAGE : loginPath(ACCOUNT_PAGE)} size="lg" fullWidth>
      {session ? label : 'Log in'}
    </ButtonLink>
  );
}

function problemView(
  outcome: 'expired' | 'invalid' | 'taken',
  session: SessionDto | null,
): LinkView {
  switch (outcome) {
    case 'taken':
      return {
        title: 'That address belongs to another account',
        text: 'Another account started using it after you asked for the change, so your address stays as it was. Choose a different one on your account page.',
        actions: accountLink(session, 'Go to your account'),
      };
    case 'expired':
      return {
        title: 'This link has expired',
        text: `A link to change your address works once, for ${EMAIL_CHANGE_TTL_HOURS} hours. Your address stays as it was: start the change again from your account page.`,
        actions: accountLink(session, 'Change your address again'),
      };
    case 'invalid':
      return {
        title: "This link isn't valid",
        text: 'It may be cut short: copy the whole link from the email. Your address stays as it was.',
        actions: accountLink(session, 'Go to your account'),
      };
  }
}

/** `/confirm-email-change?token=…`, opened from the email sent to the new address. */
export function ConfirmEmailChangeRoute() {
  const confirm = useConfirmEmailChange();
  return (
    <EmailLinkPage
      pendingTitle="Changing your email address"
      failureTitle="We couldn't change your email address"
      mutation={confirm}
      success={(session) => ({
        title: 'Your email address is changed',
        text: session
          ? `From now on you log in with ${session.user.email}.`
          : 'From now on you log in with your new address.',
        actions: session ? (
          <ButtonLink to={APP_HOME} size="lg" fullWidth>
            Continue to Lensbridge
          </ButtonLink>
        ) : (
          <ButtonLink to={loginPath(APP_HOME)} size="lg" fullWidth>
            Log in
          </ButtonLink>
        ),
      })}
      problem={problemView}
    />
  );
}
