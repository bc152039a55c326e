import { useEffect, useRef, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { UseMutationResult } from '@tanstack/react-query';
import type { EmailTokenInput } from '@shared/auth/account.schema';
import { AccountErrorCode } from '@shared/auth/account.types';
import { AuthErrorCode, type SessionDto } from '@shared/auth/auth.types';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useMe } from '@/features/auth/api/get-me';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import './email-link-page.css';

/** What went wrong with an emailed link, or `other` for anything that may work on a retry. */
export type LinkOutcome = 'expired' | 'invalid' | 'taken' | 'other';

function outcomeOf(error: unknown): LinkOutcome {
  if (!(error instanceof ApiError)) return 'other';
  switch (error.code) {
    case AccountErrorCode.LinkExpired:
      return 'expired';
    case AccountErrorCode.LinkInvalid:
      return 'invalid';
    case AuthErrorCode.EmailTaken:
      return 'taken';
  }
  // A token the shared schema refused (too long, empty) was never issued either.
  if (error.fieldErrors.some((detail) => detail.path === 'token')) return 'invalid';
  return 'other';
}

export interface LinkView {
  title: string;
  text: ReactNode;
  actions?: ReactNode;
}

interface EmailLinkPageProps {
  /** Says what is happening while the link is checked: "Confirming your email address". */
  pendingTitle: string;
  mutation: UseMutationResult<void, Error, EmailTokenInput>;
  /** The page for each outcome, given the session (null when signed out). */
  success: (session: SessionDto | null) => LinkView;
  problem: (outcome: Exclude<LinkOutcome, 'other'>, session: SessionDto | null) => LinkView;
  /** What failed when the server could not be reached or answered 5xx. */
  failureTitle: string;
}

/**
 * A page an emailed link opens (`?token=`): sends the token once on arrival, shows progress,
 * then the outcome. The token is sent once even when React runs effects twice (StrictMode): a
 * used link is spent, and a second request would report "expired" over a success.
 */
export function EmailLinkPage({
  pendingTitle,
  mutation,
  success,
  problem,
  failureTitle,
}: EmailLinkPageProps) {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const me = useMe();
  const { mutate } = mutation;
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate({ token });
  }, [token, mutate]);

  const session = me.data ?? null;
  let view: LinkView;
  if (!token) {
    view = problem('invalid', session);
  } else if (mutation.isSuccess) {
    view = success(session);
  } else if (mutation.isError && outcomeOf(mutation.error) !== 'other') {
    view = problem(outcomeOf(mutation.error) as Exclude<LinkOutcome, 'other'>, session);
  } else if (mutation.isError) {
    view = {
      title: failureTitle,
      text: describeError(mutation.error),
      actions: (
        <Button size="lg" fullWidth onClick={() => mutate({ token })}>
          Try again
        </Button>
      ),
    };
  } else {
    return (
      <AuthLayout title={pendingTitle}>
        <title>{`${pendingTitle} · Lensbridge`}</title>
        <div className="link-progress" role="status">
          <Spinner />
          <span>Checking the link…</span>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={view.title}>
      <title>{`${view.title} · Lensbridge`}</title>
      <div className="stack link-outcome">
        {typeof view.text === 'string' ? <p>{view.text}</p> : view.text}
      </div>
      {/* Which way on depends on being signed in: wait for the answer rather than guess. */}
      {me.isPending ? null : view.actions}
    </AuthLayout>
  );
}
