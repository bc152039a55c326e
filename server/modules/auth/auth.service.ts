import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { LoginInput, RegisterInput } from '../../../shared/auth/auth.schema';
import { normaliseEmail } from '../../../shared/auth/auth.schema';
import type { SessionInfoDto } from '../../../shared/auth/account.types';
import type { SessionDto, UserRole } from '../../../shared/auth/auth.types';
import { describeDevice } from '../../../shared/auth/device';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { User } from '../users/users.types';
import { toUserDto, UsersService } from '../users/users.service';
import { AuthError } from './auth.errors';
import { passwordWeakness } from './domain/password-policy';
import { isSessionLive, sessionExpiry, shouldExtendSession } from './domain/session-policy';
import { PasswordHasher } from './password-hasher';
import { csrfTokenFor, hashSessionToken, newSessionToken, publicSessionId } from './session-tokens';
import { SessionsRepository } from './sessions.repository';
import { ScheduledWork } from '../scheduling/scheduled-work.service';
import { Clock } from '../../common/clock';

/** A session just opened: the raw token goes into the cookie and nowhere else. */
export interface OpenedSession {
  token: string;
  body: SessionDto;
}

const SWEEP_EVERY_MS = 60 * 60_000;

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly scheduled: ScheduledWork,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.admin) {
      const { email, password } = this.config.admin;
      await this.upsertAdmin(email, 'Administrator', password);
    }
    this.scheduled.every('session-sweep', SWEEP_EVERY_MS, () => this.sweepExpiredSessions());
  }

  /**
   * Creates an account without a session (sign-up, demo data, where admins may be created).
   * Demo accounts arrive verified; everyone else confirms their address by email.
   */
  async createAccount(
    input: Omit<RegisterInput, 'role'> & { role: UserRole; emailVerified?: boolean },
  ): Promise<User> {
    const now = this.clock.now();
    this.checkStrength(input.password, input);
    return this.users.create(
      {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await this.passwords.hash(input.password),
        emailVerifiedAt: input.emailVerified ? now : null,
      },
      now,
    );
  }

  /** WEAK_PASSWORD unless `password` passes the policy for this person. */
  checkStrength(password: string, person: { email: string; name: string }): void {
    const weakness = passwordWeakness(password, person);
    if (weakness) throw AuthError.weakPassword(weakness);
  }

  hashPassword(password: string): Promise<string> {
    return this.passwords.hash(password);
  }

  /** Whether `password` is this account's; costs the same for every account. */
  passwordMatches(user: User, password: string): Promise<boolean> {
    return this.passwords.verify(password, user.passwordHash);
  }

  async login(input: LoginInput, userAgent?: string): Promise<OpenedSession> {
    const user = await this.users.findByEmail(input.email);
    const valid = user
      ? await this.passwords.verify(input.password, user.passwordHash)
      : await this.passwords.verifyAgainstDecoy(input.password);
    if (!user || !valid) throw AuthError.invalidCredentials();
    return this.openSession(user, userAgent);
  }

  /** The account's live sessions, most recently used first. */
  async listSessions(auth: AuthContext): Promise<SessionInfoDto[]> {
    const now = this.clock.now();
    const rows = await this.sessions.forUser(auth.userId);
    return rows
      .filter((row) => isSessionLive(row, now))
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
      .map((row) => ({
        id: publicSessionId(row.tokenHash),
        device: describeDevice(row.userAgent),
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastSeenAt.toISOString(),
        current: row.tokenHash === auth.sessionId,
      }));
  }

  /** Signs one of the caller's own sessions out; SESSION_NOT_FOUND for anyone else's. */
  async revokeSession(auth: AuthContext, id: string): Promise<{ wasCurrent: boolean }> {
    const rows = await this.sessions.forUser(auth.userId);
    const row = rows.find((r) => publicSessionId(r.tokenHash) === id);
    if (!row) throw AuthError.sessionNotFound();
    await this.sessions.delete(row.tokenHash);
    return { wasCurrent: row.tokenHash === auth.sessionId };
  }

  /** Signs the account out everywhere, or everywhere but the session `keep`. */
  revokeAllSessions(userId: string, keep?: string): Promise<number> {
    return this.sessions.deleteForUser(userId, keep);
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.sessions.delete(auth.sessionId);
  }

  async describe(auth: AuthContext): Promise<SessionDto> {
    const user = await this.users.findById(auth.userId);
    if (!user) throw AuthError.unauthenticated('expired');
    return {
      user: toUserDto(user),
      csrfToken: auth.csrfToken,
      expiresAt: auth.sessionExpiresAt.toISOString(),
    };
  }

  /** The caller behind a session cookie, or null when it is unknown or has expired. */
  async resolveSession(token: string): Promise<AuthContext | null> {
    const now = this.clock.now();
    const tokenHash = hashSessionToken(token);
    const session = await this.sessions.find(tokenHash);
    if (!session || !isSessionLive(session, now)) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.deletedAt) return null;
    let expiresAt = session.expiresAt;
    if (shouldExtendSession(session, now)) {
      expiresAt = sessionExpiry(now, this.config.session.ttlHours);
      await this.sessions.extend(tokenHash, now, expiresAt);
    }
    return {
      userId: user.id,
      role: user.role,
      emailVerified: user.emailVerifiedAt !== null,
      sessionId: tokenHash,
      csrfToken: csrfTokenFor(token),
      sessionExpiresAt: expiresAt,
    };
  }

  async upsertAdmin(email: string, name: string, password: string): Promise<User> {
    return this.users.upsertAdmin(
      {
        email: normaliseEmail(email),
        name,
        passwordHash: await this.passwords.hash(password),
      },
      this.clock.now(),
    );
  }

  private async openSession(user: User, userAgent: string | undefined): Promise<OpenedSession> {
    const now = this.clock.now();
    const token = newSessionToken();
    const expiresAt = sessionExpiry(now, this.config.session.ttlHours);
    await this.sessions.insert({
      tokenHash: hashSessionToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return {
      token,
      body: {
        user: toUserDto(user),
        csrfToken: csrfTokenFor(token),
        expiresAt: expiresAt.toISOString(),
      },
    };
  }

  private async sweepExpiredSessions(): Promise<void> {
    try {
      const removed = await this.sessions.deleteExpired(this.clock.now());
      if (removed > 0) this.logger.log(`Removed ${removed} expired sessions`);
    } catch (error) {
      this.logger.warn(`Session sweep failed: ${String(error)}`);
    }
  }
}
