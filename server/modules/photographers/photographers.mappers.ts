import type { CancellationTier, PolicySnapshot } from '../../../shared/bookings/bookings.types';
import {
  type AvailabilityDto,
  type PackageDto,
  type PortfolioImageDto,
  type RatingDto,
  type SchedulingPolicyDto,
  timeOf,
} from '../../../shared/photographers/photographers.types';
import { depositFor, type PricedPackage } from '../../../shared/bookings/pricing';
import type { AvailabilityOverride } from './availability-override.entity';
import type { AvailabilityRule } from './availability-rule.entity';
import type { SlotRules } from '../../../shared/photographers/slots';
import type { Package } from './package.entity';
import type { PhotographerProfile } from './photographer-profile.entity';
import type { PortfolioImage } from './portfolio-image.entity';
import type { TimeOff } from './time-off.entity';

export const DEFAULT_CANCELLATION_TIERS: CancellationTier[] = [
  { minHoursBefore: 168, refundPercent: 100 },
  { minHoursBefore: 48, refundPercent: 50 },
];

export function ratingOf(profile: PhotographerProfile): RatingDto {
  return {
    average:
      profile.ratingCount > 0
        ? Math.round((profile.ratingTotal / profile.ratingCount) * 10) / 10
        : null,
    count: profile.ratingCount,
  };
}

export function policyOf(profile: PhotographerProfile): SchedulingPolicyDto {
  return {
    bufferBeforeMinutes: profile.bufferBeforeMinutes,
    bufferAfterMinutes: profile.bufferAfterMinutes,
    minNoticeMinutes: profile.minNoticeMinutes,
    horizonDays: profile.horizonDays,
    slotStepMinutes: profile.slotStepMinutes,
    bookingMode: profile.bookingMode,
    cancellationTiers: profile.cancellationTiers,
    rescheduleCutoffHours: profile.rescheduleCutoffHours,
  };
}

/** The studio's rules a booking keeps from the moment it is made (later changes do not apply). */
export function policySnapshotOf(profile: PhotographerProfile): PolicySnapshot {
  return {
    bookingMode: profile.bookingMode,
    cancellationTiers: profile.cancellationTiers,
    rescheduleCutoffHours: profile.rescheduleCutoffHours,
    bufferBeforeMinutes: profile.bufferBeforeMinutes,
    bufferAfterMinutes: profile.bufferAfterMinutes,
    timeZone: profile.timeZone,
  };
}

export function pricedPackage(pkg: Package): PricedPackage {
  return {
    name: pkg.name,
    durationMinutes: pkg.durationMinutes,
    priceCents: pkg.priceCents,
    currency: pkg.currency,
    deposit:
      pkg.depositKind === 'fixed'
        ? { kind: 'fixed', cents: pkg.depositValue }
        : { kind: 'percent', percent: pkg.depositValue },
    includedImages: pkg.includedImages,
    extraImagePriceCents: pkg.extraImagePriceCents,
    deliveryDays: pkg.deliveryDays,
    location: pkg.location,
    travelFeeCents: pkg.travelFeeCents,
  };
}

export function toPackageDto(pkg: Package): PackageDto {
  const priced = pricedPackage(pkg);
  const travel = pkg.location === 'on_location' ? pkg.travelFeeCents : 0;
  return {
    id: pkg.id,
    name: pkg.name,
    description: pkg.description,
    durationMinutes: pkg.durationMinutes,
    priceCents: pkg.priceCents,
    currency: pkg.currency,
    deposit: priced.deposit,
    depositCents: depositFor(priced.deposit, pkg.priceCents + travel),
    includedImages: pkg.includedImages,
    extraImagePriceCents: pkg.extraImagePriceCents,
    deliveryDays: pkg.deliveryDays,
    location: pkg.location,
    travelFeeCents: pkg.travelFeeCents,
    active: pkg.active,
  };
}

export function portfolioImageUrl(image: PortfolioImage, size: 'thumb' | 'full'): string {
  return `/api/photographers/${image.photographerId}/portfolio/${image.id}/image?size=${size}`;
}

export function toPortfolioImageDto(image: PortfolioImage): PortfolioImageDto {
  return {
    id: image.id,
    caption: image.caption,
    width: image.width,
    height: image.height,
    thumbUrl: portfolioImageUrl(image, 'thumb'),
    fullUrl: portfolioImageUrl(image, 'full'),
  };
}

export function toAvailabilityDto(
  profile: PhotographerProfile,
  rules: AvailabilityRule[],
  overrides: AvailabilityOverride[],
  timeOff: TimeOff[],
): AvailabilityDto {
  return {
    timeZone: profile.timeZone,
    weekly: rules.map((rule) => ({
      weekday: rule.weekday,
      start: timeOf(rule.startMinute),
      end: timeOf(rule.endMinute),
    })),
    overrides: overrides.map((o) => ({
      date: o.date,
      intervals: o.intervals.map((i) => ({
        start: timeOf(i.startMinute),
        end: timeOf(i.endMinute),
      })),
    })),
    timeOff: timeOff.map((t) => ({
      id: t.id,
      startDate: t.startDate,
      endDate: t.endDate,
      note: t.note,
    })),
    policy: policyOf(profile),
  };
}

/** The pure slot function's view of a photographer's schedule. */
export function toSlotRules(
  profile: PhotographerProfile,
  rules: AvailabilityRule[],
  overrides: AvailabilityOverride[],
  timeOff: TimeOff[],
): SlotRules {
  return {
    timeZone: profile.timeZone,
    weekly: rules.map((r) => ({
      weekday: r.weekday,
      startMinute: r.startMinute,
      endMinute: r.endMinute,
    })),
    overrides: overrides.map((o) => ({ date: o.date, intervals: o.intervals })),
    daysOff: timeOff.map((t) => ({ startDate: t.startDate, endDate: t.endDate })),
    bufferBeforeMinutes: profile.bufferBeforeMinutes,
    bufferAfterMinutes: profile.bufferAfterMinutes,
    minNoticeMinutes: profile.minNoticeMinutes,
    horizonDays: profile.horizonDays,
    stepMinutes: profile.slotStepMinutes,
  };
}
