import type { BookingMode, CancellationTier, PackageLocation } from '../bookings/bookings.types';
import type { Page } from '../admin/admin.types';

export const PHOTO_STYLES = [
  'corporate',
  'editorial',
  'creative',
  'natural-light',
  'black-and-white',
  'outdoor',
  'actor',
  'studio',
] as const;
export type PhotoStyle = (typeof PHOTO_STYLES)[number];

/** How each style is named to people (directory filters, profile editor, cards). */
export const PHOTO_STYLE_NAMES: Record<PhotoStyle, string> = {
  corporate: 'Corporate',
  editorial: 'Editorial',
  creative: 'Creative',
  'natural-light': 'Natural light',
  'black-and-white': 'Black and white',
  outdoor: 'Outdoor',
  actor: 'Actor headshots',
  studio: 'Studio',
};

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** The longest range the slots endpoint answers for, in days. */
export const MAX_SLOT_RANGE_DAYS = 93;

export interface RatingDto {
  /** One decimal, null until the first review. */
  average: number | null;
  count: number;
}

export type DepositDto = { kind: 'percent'; percent: number } | { kind: 'fixed'; cents: number };

export interface PackageDto {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  deposit: DepositDto;
  /** The deposit of this package booked as it is (travel fee included on location). */
  depositCents: number;
  includedImages: number;
  extraImagePriceCents: number;
  deliveryDays: number;
  location: PackageLocation;
  travelFeeCents: number;
  active: boolean;
}

export interface PortfolioImageDto {
  id: string;
  caption: string;
  width: number;
  height: number;
  thumbUrl: string;
  fullUrl: string;
}

export interface SchedulingPolicyDto {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
  bookingMode: BookingMode;
  cancellationTiers: CancellationTier[];
  rescheduleCutoffHours: number;
}

/** Wall-clock times as `HH:mm`; an end of `24:00` means midnight at the end of the day. */
export interface WeeklyIntervalDto {
  weekday: number;
  start: string;
  end: string;
}

export interface DateOverrideDto {
  date: string;
  intervals: { start: string; end: string }[];
}

export interface TimeOffDto {
  id: string;
  startDate: string;
  endDate: string;
  note: string;
}

export interface AvailabilityDto {
  timeZone: string;
  weekly: WeeklyIntervalDto[];
  overrides: DateOverrideDto[];
  timeOff: TimeOffDto[];
  policy: SchedulingPolicyDto;
}

export interface PhotographerSummaryDto {
  id: string;
  displayName: string;
  city: string;
  timeZone: string;
  styles: string[];
  coverImageUrl: string | null;
  fromPriceCents: number | null;
  currency: string | null;
  rating: RatingDto;
  /** The earliest start for the cheapest package in the next two weeks, UTC ISO. */
  nextFreeSlot: string | null;
}

export interface PhotographerProfileDto {
  id: string;
  displayName: string;
  bio: string;
  city: string;
  studioAddress: string | null;
  timeZone: string;
  styles: string[];
  rating: RatingDto;
  approved: boolean;
  published: boolean;
  portfolio: PortfolioImageDto[];
  packages: PackageDto[];
  policy: SchedulingPolicyDto;
}

export type PhotographerListDto = Page<PhotographerSummaryDto>;

export interface SlotsDto {
  photographerId: string;
  packageId: string;
  timeZone: string;
  durationMinutes: number;
  from: string;
  to: string;
  /** UTC ISO instants, ascending. */
  slots: string[];
}

export const PhotographerErrorCode = {
  NotFound: 'PHOTOGRAPHER_NOT_FOUND',
  ProfileMissing: 'PROFILE_MISSING',
  PackageNotFound: 'PACKAGE_NOT_FOUND',
  PackageInactive: 'PACKAGE_INACTIVE',
  TimeOffNotFound: 'TIME_OFF_NOT_FOUND',
  ImageNotFound: 'PORTFOLIO_IMAGE_NOT_FOUND',
  PortfolioFull: 'PORTFOLIO_FULL',
  UploadMissing: 'UPLOAD_MISSING',
  UploadTooLarge: 'UPLOAD_TOO_LARGE',
} as const;

/** Minutes after midnight for `HH:mm` (`24:00` → 1440). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Pairs of intervals (by index) on the same weekday that overlap; touching is fine. */
export function overlappingIntervals(
  intervals: readonly { weekday?: number; start: string; end: string }[],
): [number, number][] {
  const pairs: [number, number][] = [];
  intervals.forEach((a, i) => {
    intervals.forEach((b, j) => {
      if (j <= i || a.weekday !== b.weekday) return;
      if (minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)) {
        pairs.push([i, j]);
      }
    });
  });
  return pairs;
}
