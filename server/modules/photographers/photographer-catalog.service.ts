import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PolicySnapshot } from '../../../shared/bookings/bookings.types';
import type { PricedPackage } from '../../../shared/bookings/pricing';
import type { RatingDto } from '../../../shared/photographers/photographers.types';
import type { SlotRules } from '../../../shared/photographers/slots';
import type { Package } from './package.entity';
import { PhotographerProfile } from './photographer-profile.entity';
import { PhotographerError } from './photographers.errors';
import {
  policySnapshotOf,
  portfolioImageUrl,
  pricedPackage,
  ratingOf,
  toSlotRules,
} from './photographers.mappers';
import { PhotographersRepository } from './photographers.repository';
import type { PortfolioImage } from './portfolio-image.entity';
import { isListed } from './profiles.service';

export interface BookableOffer {
  profile: PhotographerProfile;
  pkg: Package;
  /** The photographer's rules as a booking made now keeps them. */
  policy: PolicySnapshot;
  /** The package as the pricing rules read it. */
  pricing: PricedPackage;
}

/** What other modules (bookings, directory) may read about photographers. */
@Injectable()
export class PhotographerCatalog {
  constructor(private readonly repository: PhotographersRepository) {}

  /** The stars as the directory and comparison show them. */
  ratingOf(profile: PhotographerProfile): RatingDto {
    return ratingOf(profile);
  }

  /** A package as the pricing rules read it. */
  pricingOf(pkg: Package): PricedPackage {
    return pricedPackage(pkg);
  }

  /** Where a portfolio picture is served. */
  portfolioImageUrl(image: PortfolioImage, size: 'thumb' | 'full'): string {
    return portfolioImageUrl(image, size);
  }

  /** A listed photographer's active package: 404 when unknown, 409 when switched off. */
  async bookableOffer(packageId: string, photographerId?: string): Promise<BookableOffer> {
    const pkg = await this.repository.packageById(packageId);
    const profile = pkg && (await this.repository.profileById(pkg.photographerId));
    if (!pkg || !profile || !isListed(profile)) throw PhotographerError.packageNotFound();
    if (photographerId && profile.id !== photographerId) throw PhotographerError.packageNotFound();
    if (!pkg.active) throw PhotographerError.packageInactive();
    return { profile, pkg, policy: policySnapshotOf(profile), pricing: pricedPackage(pkg) };
  }

  async listedProfile(id: string): Promise<PhotographerProfile> {
    const profile = await this.repository.profileById(id);
    if (!profile || !isListed(profile)) throw PhotographerError.notFound();
    return profile;
  }

  profileById(id: string): Promise<PhotographerProfile | null> {
    return this.repository.profileById(id);
  }

  /** Several profiles in one query (booking lists). */
  profilesByIds(ids: string[]): Promise<PhotographerProfile[]> {
    return this.repository.profilesByIds([...new Set(ids)]);
  }

  profileOfUser(userId: string): Promise<PhotographerProfile | null> {
    return this.repository.profileByUserId(userId);
  }

  listedProfiles(city?: string): Promise<PhotographerProfile[]> {
    return this.repository.listedProfiles(city);
  }

  activePackagesOf(photographerIds: string[]): Promise<Package[]> {
    return this.repository
      .packagesOfMany(photographerIds)
      .then((packages) => packages.filter((p) => p.active));
  }

  coverImages(photographerIds: string[]): Promise<PortfolioImage[]> {
    return this.repository.coverImages(photographerIds);
  }

  /** Adds one review's stars to the profile's average, inside the caller's transaction. */
  async addRating(manager: EntityManager, photographerId: string, stars: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(PhotographerProfile)
      .set({ ratingCount: () => 'rating_count + 1', ratingTotal: () => 'rating_total + :stars' })
      .setParameter('stars', stars)
      .where('id = :id', { id: photographerId })
      .execute();
  }

  async slotRules(profile: PhotographerProfile): Promise<SlotRules> {
    const [rules, overrides, timeOff] = await Promise.all([
      this.repository.weeklyRulesOf(profile.id),
      this.repository.overridesOf(profile.id),
      this.repository.timeOffOf(profile.id),
    ]);
    return toSlotRules(profile, rules, overrides, timeOff);
  }
}
