import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type {
  ChangeEmailInput,
  ChangePasswordInput,
  PasswordResetConfirmInput,
  UpdateMeInput,
} from '../../../shared/auth/account.schema';
import type { EmailChangeAcceptedDto } from '../../../shared/auth/account.types';
import type { RegisterInput } from '../../../shared/auth/auth.schema';
import type { SignUpAcceptedDto, UserDto } from '../../../shared/auth/auth.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { AuthError } from '../auth/auth.errors';
import { AuthService } from '../auth/auth.service';
import { ScheduledWork } from '../scheduling/scheduled-work.service';
import type { User } from '../users/users.types';
import { UserError } from '../users/users.errors';
import { toUserDto, UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';
import { AccountError } from './accounts.errors';
import { BackgroundTasks } from './background-tasks';
import { Clock } from '../../common/clock';

const SWEEP_EVERY_MS = 6 * 60 * 60_000;

/**
 * The account's own lifecycle: sign-up with a verified address, password reset, and the account
 * page (name, email, password). Answers that could tell a stranger whether an address has an
 * account are the same either way, and the emails behind them go out after the response.
 */
@Injectable()
export class AccountsService implements OnModuleInit {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly links: AccountLinksService,
    private readonly background: BackgroundTasks,
    private readonly scheduled: ScheduledWork,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduled.every('account-link-sweep', SWEEP_EVERY_MS, async () => {
      const removed = await this.links.sweep(this.clock.now());
      if (removed > 0) this.logger.log(`Removed ${removed} old account links`);
    });
  }

  /**
   * A new address gets an account and a verification link; an address that has an account
   * gets an email saying someone tried. The answer, and its cost (one password hash), are the
   * same, so sign-up does not tell anyone which addresses are registered.
   */
  async signUp(input: RegisterInput): Promise<SignUpAcceptedDto> {
    const now = this.clock.now();
    this.auth.checkStrength(input.password, input);
    const accepted: SignUpAcceptedDto = { status: 'check_email', email: input.email };
    const existing = await this.users.findByEmail(input.email);
    if (existing) {
      await this.auth.hashPassword(input.password);
      this.tellOwnerOfSignUpAttempt(existing, now);
      return accepted;
    }
    let user: User;
    try {
      user = await this.auth.createAccount(input);
    } catch (error) {
      // Two sign-ups with one address at once: the second is told nothing more than the first.
      if (!(error instanceof UserError)) throw error;
      const winner = await this.users.findByEmail(input.email);
      if (winner) this.tellOwnerOfSignUpAttempt(winner, now);
      return accepted;
    }
    this.background.run('verification email', () => this.links.send(user, 'verify_email', now));
    return accepted;
  }

  /** Always accepted; the account, if there is one, gets a link (at most three an hour). */
  requestPasswordReset(email: string): void {
    const now = this.clock.now();
    this.background.run('password reset email', async () => {
      const user = await this.users.findByEmail(email);
      // At most three an hour: further requests are answered the same and send nothing.
      if (user) await this.links.send(user, 'password_reset', now);
    });
  }

  /** Sets the new password, spends the link (and any other), and signs the account out everywhere. */
  async confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
    const now = this.clock.now();
    const link = await this.links.peek(input.token, 'password_reset', now);
    const user = await this.users.findById(link.userId);
    if (!user || user.deletedAt) throw AccountError.resetTokenInvalid();
    this.auth.checkStrength(input.password, user);
    const passwordHash = await this.auth.hashPassword(input.password);
    await this.links.claim(link, now);
    await this.users.setPasswordHash(user.id, passwordHash);
    await this.links.retire(user.id, 'password_reset', now);
    await this.auth.revokeAllSessions(user.id);
    // The link came to their inbox, which proves the address as well.
    await this.users.markEmailVerified(user, now);
  }

  async verifyEmail(token: string): Promise<void> {
    const now = this.clock.now();
    const link = await this.links.peek(token, 'verify_email', now);
    const user = await this.users.findById(link.userId);
    if (!user || user.deletedAt) throw AccountError.linkInvalid();
    await this.links.claim(link, now);
    await this.users.markEmailVerified(user, now);
  }

  /** The "send it again" button. Already verified: nothing to send. */
  async resendVerification(auth: AuthContext): Promise<{ sent: boolean }> {
    const now = this.clock.now();
    const user = await this.me(auth);
    if (user.emailVerifiedAt) return { sent: false };
    await this.links.sendOrRefuse(user, 'verify_email', now);
    return { sent: true };
  }

  async rename(auth: AuthContext, input: UpdateMeInput): Promise<UserDto> {
    return toUserDto(await this.users.rename(await this.me(auth), input.name));
  }

  /** Changes the password and signs every other session out; the owner gets a notice. */
  async changePassword(auth: AuthContext, input: ChangePasswordInput): Promise<void> {
    const now = this.clock.now();
    const user = await this.me(auth);
    if (!(await this.auth.passwordMatches(user, input.currentPassword))) {
      throw AccountError.passwordIncorrect('currentPassword');
    }
    this.auth.checkStrength(input.newPassword, user);
    await this.users.setPasswordHash(user.id, await this.auth.hashPassword(input.newPassword));
    await this.auth.revokeAllSessions(user.id, auth.sessionId);
    await this.links.retire(user.id, 'password_reset', now);
    this.background.run('password changed notice', () =>
      this.links.notify('password_changed', person(user), now),
    );
  }

  /**
   * Sends a confirmation link to the new address; the account moves there when it is followed.
   * An address that already has an account is told so instead, and the answer is the same.
   */
  async requestEmailChange(
    auth: AuthContext,
    input: ChangeEmailInput,
  ): Promise<EmailChangeAcceptedDto> {
    const now = this.clock.now();
    const user = await this.me(auth);
    if (!(await this.auth.passwordMatches(user, input.password))) {
      throw AccountError.passwordIncorrect('password');
    }
    if (!(await this.links.mayIssue(user, 'email_change', now))) {
      throw AccountError.tooManyEmails(3600);
    }
    const accepted: EmailChangeAcceptedDto = {
      status: 'check_email',
      pendingEmail: input.newEmail,
    };
    if (input.newEmail === user.email) return accepted;
    const holder = await this.users.findByEmail(input.newEmail);
    this.background.run('email change', () =>
      holder
        ? this.links.notify('email_change_attempt', person(holder), now)
        : this.links.send(user, 'email_change', now, input.newEmail),
    );
    return accepted;
  }

  /** Moves the account to the address the link went to (EMAIL_TAKEN if it was taken since). */
  async confirmEmailChange(token: string): Promise<void> {
    const now = this.clock.now();
    const link = await this.links.peek(token, 'email_change', now);
    const user = await this.users.findById(link.userId);
    if (!user || user.deletedAt || !link.newEmail) throw AccountError.linkInvalid();
    const holder = await this.users.findByEmail(link.newEmail);
    if (holder && holder.id !== user.id) throw UserError.emailTaken();
    await this.links.claim(link, now);
    const previous = person(user);
    const moved = await this.users.changeEmail(user, link.newEmail, now);
    this.background.run('email changed notice', () =>
      this.links.notify('email_changed', previous, now, { newEmail: moved.email }),
    );
  }

  private async me(auth: AuthContext): Promise<User> {
    const user = await this.users.findById(auth.userId);
    if (!user || user.deletedAt) throw AuthError.unauthenticated('expired');
    return user;
  }

  private tellOwnerOfSignUpAttempt(user: User, now: Date): void {
    this.background.run('sign-up attempt notice', () =>
      this.links.notify('sign_up_attempt', person(user), now, {
        // One notice per account per hour is enough, however often someone tries.
        dedupeKey: `account:sign_up_attempt:${user.id}:${Math.floor(now.getTime() / 3_600_000)}`,
      }),
    );
  }
}

export function person(user: User): { name: string; address: string } {
  return { name: user.name, address: user.email };
}
