import { Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { PortfolioService } from '../photographers/portfolio.service';
import { ProfilesService } from '../photographers/profiles.service';
import { StudioService } from '../photographers/studio.service';
import { AuthService } from '../auth/auth.service';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD } from './demo-accounts';
import {
  DEMO_EXTRA_CLIENTS,
  DEMO_PHOTOGRAPHERS,
  type DemoPhotographer,
} from './demo-photographers';
import { renderDemoPortrait } from './demo-portrait';

const DEFAULT_POLICY = {
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  minNoticeMinutes: 12 * 60,
  horizonDays: 60,
  slotStepMinutes: 30,
  bookingMode: 'instant' as const,
  cancellationTiers: [
    { minHoursBefore: 168, refundPercent: 100 },
    { minHoursBefore: 48, refundPercent: 50 },
  ],
  rescheduleCutoffHours: 24,
};

/**
 * Demo photographers (approved, with portfolios, packages and hours) and extra demo clients.
 * Idempotent: a photographer who already has a profile is left alone.
 */
@Injectable()
export class DemoPhotographersSeeder {
  private readonly logger = new Logger(DemoPhotographersSeeder.name);

  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly profiles: ProfilesService,
    private readonly studio: StudioService,
    private readonly portfolio: PortfolioService,
  ) {}

  async seed(): Promise<{ created: string[]; skipped: string[] }> {
    const created: string[] = [];
    const skipped: string[] = [];
    for (const client of DEMO_EXTRA_CLIENTS) {
      if (await this.users.findByEmail(client.email)) continue;
      await this.auth.createAccount({
        ...client,
        role: 'client',
        password: DEMO_PASSWORD,
        emailVerified: true,
      });
      created.push(client.email);
    }
    for (const demo of DEMO_PHOTOGRAPHERS) {
      if (await this.seedPhotographer(demo)) created.push(demo.email);
      else skipped.push(demo.email);
    }
    this.logger.log(`Demo photographers: created ${created.length}, kept ${skipped.length}`);
    return { created, skipped };
  }

  private async seedPhotographer(demo: DemoPhotographer): Promise<boolean> {
    const user =
      (await this.users.findByEmail(demo.email)) ??
      (await this.auth.createAccount({
        email: demo.email,
        name: demo.name,
        role: 'photographer',
        password: DEMO_PASSWORD,
        emailVerified: true,
      }));
    const who = actingAs(user.id);
    const existing = await this.profiles.requireOwn(user.id).catch(() => null);
    if (existing) return false;
    const profile = await this.profiles.saveOwn(who, demo.profile);
    for (const pkg of demo.packages) await this.studio.createPackage(who, pkg);
    await this.studio.replaceAvailability(who, {
      weekly: demo.weekly,
      overrides: [],
      policy: { ...DEFAULT_POLICY, ...demo.policy },
    });
    for (const [index, palette] of demo.palettes.entries()) {
      const image = renderDemoPortrait(palette, { offset: index - 1 });
      await this.portfolio.store(
        profile.id,
        image,
        `${demo.profile.displayName} — portrait ${index + 1}`,
        index,
      );
    }
    await this.profiles.approve(profile.id);
    return true;
  }
}

/** The seeder acts through the same services as the photographer would, without a session. */
function actingAs(userId: string): AuthContext {
  return {
    userId,
    role: 'photographer',
    sessionId: 'demo-seed',
    csrfToken: '',
    emailVerified: true,
    sessionExpiresAt: new Date(0),
  };
}
