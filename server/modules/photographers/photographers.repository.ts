import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type Repository } from 'typeorm';
import { AvailabilityOverride } from './availability-override.entity';
import { AvailabilityRule } from './availability-rule.entity';
import { Package } from './package.entity';
import { PhotographerProfile } from './photographer-profile.entity';
import { PortfolioImage } from './portfolio-image.entity';
import { TimeOff } from './time-off.entity';

/** Queries for profiles and everything a profile owns. */
@Injectable()
export class PhotographersRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(PhotographerProfile)
    private readonly profiles: Repository<PhotographerProfile>,
    @InjectRepository(Package) private readonly packages: Repository<Package>,
    @InjectRepository(PortfolioImage) private readonly images: Repository<PortfolioImage>,
    @InjectRepository(AvailabilityRule) private readonly rules: Repository<AvailabilityRule>,
    @InjectRepository(AvailabilityOverride)
    private readonly overrides: Repository<AvailabilityOverride>,
    @InjectRepository(TimeOff) private readonly timeOff: Repository<TimeOff>,
  ) {}

  profileById(id: string): Promise<PhotographerProfile | null> {
    return this.profiles.findOneBy({ id });
  }

  profilesByIds(ids: string[]): Promise<PhotographerProfile[]> {
    return ids.length ? this.profiles.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  profileByUserId(userId: string): Promise<PhotographerProfile | null> {
    return this.profiles.findOneBy({ userId });
  }

  /** Approved and published profiles, optionally in one city (case-insensitive). */
  listedProfiles(city?: string): Promise<PhotographerProfile[]> {
    const query = this.profiles
      .createQueryBuilder('p')
      .where('p.approved = :yes AND p.published = :yes', { yes: true })
      .orderBy('p.display_name', 'ASC');
    if (city) query.andWhere('LOWER(p.city) = LOWER(:city)', { city });
    return query.getMany();
  }

  allProfiles(): Promise<PhotographerProfile[]> {
    return this.profiles.find({ order: { createdAt: 'DESC' } });
  }

  saveProfile(profile: PhotographerProfile): Promise<PhotographerProfile> {
    return this.profiles.save(profile);
  }

  newProfile(fields: Partial<PhotographerProfile>): PhotographerProfile {
    return this.profiles.create(fields);
  }

  /** Packages not deleted, cheapest first. */
  packagesOf(photographerId: string): Promise<Package[]> {
    return this.packages.find({
      where: { photographerId, archivedAt: IsNull() },
      order: { priceCents: 'ASC', createdAt: 'ASC' },
    });
  }

  packagesOfMany(photographerIds: string[]): Promise<Package[]> {
    if (photographerIds.length === 0) return Promise.resolve([]);
    return this.packages
      .createQueryBuilder('k')
      .where('k.photographer_id IN (:...ids)', { ids: photographerIds })
      .andWhere('k.archived_at IS NULL')
      .orderBy('k.price_cents', 'ASC')
      .getMany();
  }

  packageById(id: string): Promise<Package | null> {
    return this.packages.findOneBy({ id, archivedAt: IsNull() });
  }

  savePackage(pkg: Package): Promise<Package> {
    return this.packages.save(pkg);
  }

  newPackage(fields: Partial<Package>): Package {
    return this.packages.create(fields);
  }

  portfolioOf(photographerId: string): Promise<PortfolioImage[]> {
    return this.images.find({
      where: { photographerId },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  coverImages(photographerIds: string[]): Promise<PortfolioImage[]> {
    if (photographerIds.length === 0) return Promise.resolve([]);
    return this.images
      .createQueryBuilder('i')
      .where('i.photographer_id IN (:...ids)', { ids: photographerIds })
      .orderBy('i.position', 'ASC')
      .addOrderBy('i.created_at', 'ASC')
      .getMany();
  }

  imageById(id: string): Promise<PortfolioImage | null> {
    return this.images.findOneBy({ id });
  }

  countImages(photographerId: string): Promise<number> {
    return this.images.countBy({ photographerId });
  }

  saveImage(image: Partial<PortfolioImage>): Promise<PortfolioImage> {
    return this.images.save(this.images.create(image));
  }

  async deleteImage(id: string): Promise<void> {
    await this.images.delete({ id });
  }

  weeklyRulesOf(photographerId: string): Promise<AvailabilityRule[]> {
    return this.rules.find({
      where: { photographerId },
      order: { weekday: 'ASC', startMinute: 'ASC' },
    });
  }

  overridesOf(photographerId: string): Promise<AvailabilityOverride[]> {
    return this.overrides.find({ where: { photographerId }, order: { date: 'ASC' } });
  }

  timeOffOf(photographerId: string): Promise<TimeOff[]> {
    return this.timeOff.find({ where: { photographerId }, order: { startDate: 'ASC' } });
  }

  timeOffById(id: string): Promise<TimeOff | null> {
    return this.timeOff.findOneBy({ id });
  }

  saveTimeOff(entry: Partial<TimeOff>): Promise<TimeOff> {
    return this.timeOff.save(this.timeOff.create(entry));
  }

  async deleteTimeOff(id: string): Promise<void> {
    await this.timeOff.delete({ id });
  }

  /** Replaces the weekly hours, the date overrides and the policy in one transaction. */
  async replaceAvailability(
    profile: PhotographerProfile,
    weekly: Omit<AvailabilityRule, 'id' | 'assignId' | 'photographerId'>[],
    overrides: Pick<AvailabilityOverride, 'date' | 'intervals'>[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(AvailabilityRule, { photographerId: profile.id });
      await manager.delete(AvailabilityOverride, { photographerId: profile.id });
      for (const rule of weekly) {
        await manager.save(
          manager.create(AvailabilityRule, { ...rule, photographerId: profile.id }),
        );
      }
      for (const override of overrides) {
        await manager.save(
          manager.create(AvailabilityOverride, { ...override, photographerId: profile.id }),
        );
      }
      await manager.save(profile);
    });
  }
}
