import { Injectable } from '@nestjs/common';
import type { ProfileInput } from '../../../shared/photographers/photographers.schema';
import type { PhotographerProfileDto } from '../../../shared/photographers/photographers.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { UsersService } from '../users/users.service';
import { PhotographerError } from './photographers.errors';
import {
  DEFAULT_CANCELLATION_TIERS,
  policyOf,
  ratingOf,
  toPackageDto,
  toPortfolioImageDto,
} from './photographers.mappers';
import { PhotographersRepository } from './photographers.repository';
import type { PhotographerProfile } from './photographer-profile.entity';
import { Clock } from '../../common/clock';

/** A photographer's own profile, the public view of it, and admin approval. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly repository: PhotographersRepository,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async own(auth: AuthContext): Promise<PhotographerProfileDto> {
    return this.describe(await this.requireOwn(auth.userId), { includeInactive: true });
  }

  /** Creates the profile on first save; a new profile waits for an admin's approval. */
  async saveOwn(auth: AuthContext, input: ProfileInput): Promise<PhotographerProfileDto> {
    const now = this.clock.now();
    const existing = await this.repository.profileByUserId(auth.userId);
    const profile =
      existing ??
      this.repository.newProfile({
        userId: auth.userId,
        approved: false,
        ratingCount: 0,
        ratingTotal: 0,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minNoticeMinutes: 24 * 60,
        horizonDays: 60,
        slotStepMinutes: 30,
        bookingMode: 'instant',
        cancellationTiers: DEFAULT_CANCELLATION_TIERS,
        rescheduleCutoffHours: 24,
        createdAt: now,
      });
    Object.assign(profile, input, { updatedAt: now });
    return this.describe(await this.repository.saveProfile(profile), { includeInactive: true });
  }

  /**
   * Anyone may see an approved, published profile; the owner and admins see it regardless.
   * Everyone else gets 404, so unlisted profiles are not discoverable.
   */
  async publicProfile(id: string, viewer?: AuthContext): Promise<PhotographerProfileDto> {
    const profile = await this.repository.profileById(id);
    if (!profile || !canView(profile, viewer)) throw PhotographerError.notFound();
    return this.describe(profile, { includeInactive: viewer?.userId === profile.userId });
  }

  async approve(id: string): Promise<PhotographerProfileDto> {
    const now = this.clock.now();
    const profile = await this.repository.profileById(id);
    if (!profile) throw PhotographerError.notFound();
    const owner = await this.users.findById(profile.userId);
    if (!owner?.emailVerifiedAt) throw PhotographerError.ownerNotVerified();
    profile.approved = true;
    profile.updatedAt = now;
    return this.describe(await this.repository.saveProfile(profile), { includeInactive: true });
  }

  async listForAdmin(): Promise<PhotographerProfileDto[]> {
    const profiles = await this.repository.allProfiles();
    return Promise.all(profiles.map((p) => this.describe(p, { includeInactive: true })));
  }

  async requireOwn(userId: string): Promise<PhotographerProfile> {
    const profile = await this.repository.profileByUserId(userId);
    if (!profile) throw PhotographerError.profileMissing();
    return profile;
  }

  private async describe(
    profile: PhotographerProfile,
    options: { includeInactive: boolean },
  ): Promise<PhotographerProfileDto> {
    const [packages, portfolio] = await Promise.all([
      this.repository.packagesOf(profile.id),
      this.repository.portfolioOf(profile.id),
    ]);
    return {
      id: profile.id,
      displayName: profile.displayName,
      bio: profile.bio,
      city: profile.city,
      studioAddress: profile.studioAddress,
      timeZone: profile.timeZone,
      styles: profile.styles,
      rating: ratingOf(profile),
      approved: profile.approved,
      published: profile.published,
      portfolio: portfolio.map(toPortfolioImageDto),
      packages: packages.filter((p) => options.includeInactive || p.active).map(toPackageDto),
      policy: policyOf(profile),
    };
  }
}

export function isListed(profile: PhotographerProfile): boolean {
  return profile.approved && profile.published;
}

export function canView(profile: PhotographerProfile, viewer?: AuthContext): boolean {
  return isListed(profile) || viewer?.userId === profile.userId || viewer?.role === 'admin';
}
