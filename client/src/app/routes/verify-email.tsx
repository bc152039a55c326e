import { VERIFY_EMAIL_TTL_HOURS } from '@shared/auth/account.types';
import type { SessionDto } from '@shared/auth/auth.types';
import { ResendVerificationButton } from '@/components/account/resend-verification-button';
import { ButtonLink } from '@/components/ui/button';
import { useVerifyEmail } from '@/features/auth/api/email-links';
import { EmailLinkPage, type LinkView } from './email-link-page';
import { APP_HOME, loginPath } from './next-path';

/** The way on after a link: into the app when signed in, else to log in (and then the app). */
function continueLink(session: SessionDto | null) {
  return session ? (
    <ButtonLink to={APP_HOME} size="lg" fullWidth>
      Continue to Lensbridge
    </ButtonLink>
  ) : (
    <ButtonLink to={loginPath(APP_HOME)} size="lg" fullWidth>
      Log in
    </ButtonLink>
  );
}

/** A spent or broken link: a signed-in person gets a new one here; others log in first. */
function newLinkActions(session: SessionDto | null) {
  if (!session) {
    return (
      <>
        <p className="text-muted text-sm">
          Log in and your account page offers to send a new link.
        </p>
        <ButtonLink to={loginPath('/app/account')} size="lg" fullWidth>
          Log in
        </ButtonLink>
      </>
    );
  }
  if (session.user.emailVerified) return continueLink(session);
  return (
    <ResendVerificationButton
      email={session.user.email}
      label="Send a new link"
      variant="primary"
    />
  );
}

function problemView(
  outcome: 'expired' | 'invalid' | 'taken',
  session: SessionDto | null,
): LinkView {
  // Already confirmed (this link was used before, perhaps in another tab): say so plainly.
  if (session?.user.emailVerified) {
    return {
      title: 'Your email address is already confirmed',
      text: `${session.user.email} is confirmed. There is nothing more to do.`,
      actions: continueLink(session),
    };
  }
  if (outcome === 'expired') {
    return {
      title: 'This link has expired',
      text: `A confirmation link works once, for ${VERIFY_EMAIL_TTL_HOURS} hours. Ask for a new one.`,
      actions: newLinkActions(session),
    };
  }
  return {
    title: "This link isn't valid",
    text: 'It may be cut short: copy the whole link from the email, or ask for a new one.',
    actions: newLinkActions(session),
  };
}

/** `/verify-email?token=…`, opened from the sign-up email. */
export function VerifyEmailRoute() {
  const verify = useVerifyEmail();
  return (
    <EmailLinkPage
      pendingTitle="Confirming your email address"
      failureTitle="We couldn't confirm your email address"
      mutation={verify}
      success={(session) => ({
        title: 'Email confirmed',
        text: 'Thanks. You can now book sessions and take payments on Lensbridge.',
        actions: continueLink(session),
      })}
      problem={problemView}
    />
  );
}
