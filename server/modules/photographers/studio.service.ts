import { Injectable } from '@nestjs/common';
import type {
  AvailabilityInput,
  PackageInput,
  PackagePatch,
  TimeOffInput,
} from '../../../shared/photographers/photographers.schema';
import {
  type AvailabilityDto,
  minutesOf,
  type PackageDto,
  type TimeOffDto,
} from '../../../shared/photographers/photographers.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { Package } from './package.entity';
import { PhotographerError } from './photographers.errors';
import { toAvailabilityDto, toPackageDto } from './photographers.mappers';
import { PhotographersRepository } from './photographers.repository';
import { ProfilesService } from './profiles.service';
import { Clock } from '../../common/clock';

/** A photographer's packages, weekly hours, date overrides, policy and days off. */
@Injectable()
export class StudioService {
  constructor(
    private readonly repository: PhotographersRepository,
    private readonly profiles: ProfilesService,
    private readonly clock: Clock,
  ) {}

  async packages(auth: AuthContext): Promise<PackageDto[]> {
    const profile = await this.profiles.requireOwn(auth.userId);
    return (await this.repository.packagesOf(profile.id)).map(toPackageDto);
  }

  async createPackage(auth: AuthContext, input: PackageInput): Promise<PackageDto> {
    const now = this.clock.now();
    const profile = await this.profiles.requireOwn(auth.userId);
    const pkg = this.repository.newPackage({
      photographerId: profile.id,
      archivedAt: null,
      createdAt: now,
    });
    applyPackage(pkg, input);
    return toPackageDto(await this.repository.savePackage(pkg));
  }

  async updatePackage(auth: AuthContext, id: string, patch: PackagePatch): Promise<PackageDto> {
    const pkg = await this.ownPackage(auth, id);
    applyPackage(pkg, patch);
    return toPackageDto(await this.repository.savePackage(pkg));
  }

  /** Bookings keep pointing at a deleted package, so it is archived rather than removed. */
  async deletePackage(auth: AuthContext, id: string): Promise<void> {
    const now = this.clock.now();
    const pkg = await this.ownPackage(auth, id);
    pkg.archivedAt = now;
    pkg.active = false;
    await this.repository.savePackage(pkg);
  }

  async availability(auth: AuthContext): Promise<AvailabilityDto> {
    const profile = await this.profiles.requireOwn(auth.userId);
    const [rules, overrides, timeOff] = await Promise.all([
      this.repository.weeklyRulesOf(profile.id),
      this.repository.overridesOf(profile.id),
      this.repository.timeOffOf(profile.id),
    ]);
    return toAvailabilityDto(profile, rules, overrides, timeOff);
  }

  /** Replaces the weekly hours, overrides and policy. Existing bookings are not touched. */
  async replaceAvailability(auth: AuthContext, input: AvailabilityInput): Promise<AvailabilityDto> {
    const now = this.clock.now();
    const profile = await this.profiles.requireOwn(auth.userId);
    Object.assign(profile, input.policy, { updatedAt: now });
    await this.repository.replaceAvailability(
      profile,
      input.weekly.map((w) => ({
        weekday: w.weekday,
        startMinute: minutesOf(w.start),
        endMinute: minutesOf(w.end),
      })),
      input.overrides.map((o) => ({
        date: o.date,
        intervals: o.intervals.map((i) => ({
          startMinute: minutesOf(i.start),
          endMinute: minutesOf(i.end),
        })),
      })),
    );
    return this.availability(auth);
  }

  async addTimeOff(auth: AuthContext, input: TimeOffInput): Promise<TimeOffDto> {
    const now = this.clock.now();
    const profile = await this.profiles.requireOwn(auth.userId);
    const saved = await this.repository.saveTimeOff({
      ...input,
      photographerId: profile.id,
      createdAt: now,
    });
    return { id: saved.id, startDate: saved.startDate, endDate: saved.endDate, note: saved.note };
  }

  async deleteTimeOff(auth: AuthContext, id: string): Promise<void> {
    const profile = await this.profiles.requireOwn(auth.userId);
    const entry = await this.repository.timeOffById(id);
    if (!entry || entry.photographerId !== profile.id) throw PhotographerError.timeOffNotFound();
    await this.repository.deleteTimeOff(id);
  }

  private async ownPackage(auth: AuthContext, id: string): Promise<Package> {
    const profile = await this.profiles.requireOwn(auth.userId);
    const pkg = await this.repository.packageById(id);
    if (!pkg || pkg.photographerId !== profile.id) throw PhotographerError.packageNotFound();
    return pkg;
  }
}

function applyPackage(pkg: Package, input: PackagePatch): void {
  const { deposit, ...rest } = input;
  Object.assign(pkg, rest);
  if (deposit) {
    pkg.depositKind = deposit.kind;
    pkg.depositValue = deposit.kind === 'fixed' ? deposit.cents : deposit.percent;
  }
}
