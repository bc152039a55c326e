import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import {
  ACCOUNT_LINK_PATHS,
  EMAIL_CHANGE_TTL_HOURS,
  PASSWORD_RESET_TTL_MINUTES,
  VERIFY_EMAIL_TTL_HOURS,
} from '../../../shared/auth/account.types';
import { AccountMailer } from '../notifications/account-mailer.service';
import type { User } from '../users/users.types';
import type { AccountToken, AccountTokenPurpose } from './account-token.entity';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountError } from './accounts.errors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long each kind of link works, and how many of them one account gets per hour. */
const LINKS: Record<
  AccountTokenPurpose,
  { ttlMs: number; perHour: number; path: string; errors: 'reset' | 'link' }
> = {
  password_reset: {
    ttlMs: PASSWORD_RESET_TTL_MINUTES * MINUTE,
    perHour: 3,
    path: ACCOUNT_LINK_PATHS.passwordReset,
    errors: 'reset',
  },
  verify_email: {
    ttlMs: VERIFY_EMAIL_TTL_HOURS * HOUR,
    perHour: 5,
    path: ACCOUNT_LINK_PATHS.verifyEmail,
    errors: 'link',
  },
  email_change: {
    ttlMs: EMAIL_CHANGE_TTL_HOURS * HOUR,
    perHour: 5,
    path: ACCOUNT_LINK_PATHS.emailChange,
    errors: 'link',
  },
};

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Single-use emailed links: issued, mailed and claimed here. */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly tokens: AccountTokensRepository,
    private readonly mailer: AccountMailer,
  ) {}

  /** Whether another link of this kind would be sent now (a check before answering). */
  async mayIssue(user: User, purpose: AccountTokenPurpose, now: Date): Promise<boolean> {
    const since = new Date(now.getTime() - HOUR);
    return (await this.tokens.countSince(user.id, purpose, since)) < LINKS[purpose].perHour;
  }

  /**
   * Issues a link and emails it to the account (or, for a change, to the new address); false
   * (and nothing sent) when the account had its links of this kind for the hour already.
   */
  async send(
    user: User,
    purpose: AccountTokenPurpose,
    now: Date,
    newEmail: string | null = null,
  ): Promise<boolean> {
    const token = randomBytes(32).toString('base64url');
    if (purpose === 'email_change') await this.tokens.retire(user.id, purpose, now);
    const issued = await this.tokens.insertWithinLimit(
      {
        tokenHash: hashToken(token),
        userId: user.id,
        purpose,
        newEmail,
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINKS[purpose].ttlMs),
        usedAt: null,
      },
      LINKS[purpose].perHour,
    );
    if (!issued) return false;
    await this.mailer.send(
      {
        kind: purpose,
        to: { name: user.name, address: newEmail ?? user.email },
        linkPath: `${LINKS[purpose].path}?token=${token}`,
        newEmail: newEmail ?? undefined,
      },
      now,
    );
    return true;
  }

  /** RATE_LIMITED (for the signed-in resend button) when the hour's links are used up. */
  async sendOrRefuse(user: User, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    if (!(await this.send(user, purpose, now))) throw AccountError.tooManyEmails(3600);
  }

  /**
   * The link behind `token`, still usable: its unknown / used-or-expired errors come first, so
   * callers can check what else the request needs before `claim` spends it.
   */
  async peek(token: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken> {
    const row = await this.tokens.find(hashToken(token), purpose);
    const reset = LINKS[purpose].errors === 'reset';
    if (!row) throw reset ? AccountError.resetTokenInvalid() : AccountError.linkInvalid();
    if (row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
      throw reset ? AccountError.resetTokenExpired() : AccountError.linkExpired();
    }
    return row;
  }

  /** Spends the link; exactly one of two requests racing with the same link gets through. */
  async claim(row: AccountToken, now: Date): Promise<void> {
    if (await this.tokens.claim(row.tokenHash, now)) return;
    throw LINKS[row.purpose].errors === 'reset'
      ? AccountError.resetTokenExpired()
      : AccountError.linkExpired();
  }

  /** A notice without a link (password changed, address changed, account deleted). */
  async notify(
    kind:
      | 'password_changed'
      | 'email_changed'
      | 'account_deleted'
      | 'sign_up_attempt'
      | 'email_change_attempt',
    to: { name: string; address: string },
    now: Date,
    extra: { newEmail?: string; dedupeKey?: string } = {},
  ): Promise<void> {
    const linkPath =
      kind === 'password_changed' || kind === 'sign_up_attempt'
        ? ACCOUNT_LINK_PATHS.forgotPassword
        : kind === 'email_change_attempt'
          ? '/login'
          : undefined;
    await this.mailer.send({ kind, to, linkPath, ...extra }, now);
  }

  retire(userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    return this.tokens.retire(userId, purpose, now);
  }

  forget(userId: string): Promise<void> {
    return this.tokens.deleteForUser(userId);
  }

  /** Links expired a week ago are no longer worth telling apart from unknown ones. */
  sweep(now: Date): Promise<number> {
    return this.tokens.deleteExpiredBefore(new Date(now.getTime() - 7 * 24 * HOUR));
  }
}
