import type {
  BookingBriefDto,
  BookingDto,
  CancellationPreviewDto,
} from '@shared/bookings/bookings.types';
import type { DraftCreditDto } from '@shared/compare/compare.types';
import type {
  AvailabilityDto,
  PackageDto,
  PhotographerProfileDto,
  SlotsDto,
} from '@shared/photographers/photographers.types';

export const PHOTOGRAPHER_ID = '0b6f3a52-3f0e-4c59-9a57-7d2c1f4e8a01';
export const PACKAGE_ID = '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const DRAFT_ID = '3c9e1f20-7b4a-4d6e-9f10-2a3b4c5d6e7f';
export const VARIANT_ID = '8d2f4a61-1c3e-4b5a-8e9f-0a1b2c3d4e5f';

export function aPackage(overrides: Partial<PackageDto> = {}): PackageDto {
  return {
    id: PACKAGE_ID,
    name: 'Headshot session',
    description: 'One look, studio light.',
    durationMinutes: 45,
    priceCents: 14_900,
    currency: 'EUR',
    deposit: { kind: 'percent', percent: 30 },
    depositCents: 4_470,
    includedImages: 3,
    extraImagePriceCents: 2_500,
    deliveryDays: 5,
    location: 'studio',
    travelFeeCents: 0,
    active: true,
    ...overrides,
  };
}

export function aPhotographer(
  overrides: Partial<PhotographerProfileDto> = {},
): PhotographerProfileDto {
  return {
    id: PHOTOGRAPHER_ID,
    displayName: 'Jonas Weber Studio',
    bio: 'Clean corporate headshots.',
    city: 'Berlin',
    studioAddress: 'Torstraße 140, 10119 Berlin',
    timeZone: 'Europe/Berlin',
    styles: ['corporate'],
    rating: { average: null, count: 0 },
    approved: true,
    published: true,
    portfolio: [],
    packages: [aPackage()],
    policy: {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 720,
      horizonDays: 60,
      slotStepMinutes: 30,
      bookingMode: 'instant',
      cancellationTiers: [
        { minHoursBefore: 168, refundPercent: 100 },
        { minHoursBefore: 48, refundPercent: 50 },
      ],
      rescheduleCutoffHours: 24,
    },
    ...overrides,
  };
}

export function someSlots(slots: string[], overrides: Partial<SlotsDto> = {}): SlotsDto {
  return {
    photographerId: PHOTOGRAPHER_ID,
    packageId: PACKAGE_ID,
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    from: '2026-03-01T00:00:00.000Z',
    to: '2026-04-01T00:00:00.000Z',
    slots,
    ...overrides,
  };
}

export function aBooking(overrides: Partial<BookingDto> = {}): BookingDto {
  return {
    id: 'a7c1e2d3-0f4b-4c5d-8e6f-7a8b9c0d1e2f',
    status: 'confirmed',
    startsAt: '2030-03-10T09:00:00.000Z',
    endsAt: '2030-03-10T09:45:00.000Z',
    timeZone: 'Europe/Berlin',
    holdExpiresAt: null,
    photographer: {
      id: PHOTOGRAPHER_ID,
      name: 'Jonas Weber Studio',
      city: 'Berlin',
      studioAddress: 'Torstraße 140, 10119 Berlin',
    },
    client: { id: '5f0c6a2e-8f5e-4b8e-9a51-0d3c1e2b7a10', name: 'Ada Lovelace' },
    packageId: PACKAGE_ID,
    price: {
      packageName: 'Headshot session',
      durationMinutes: 45,
      location: 'studio',
      currency: 'EUR',
      packagePriceCents: 14_900,
      travelFeeCents: 0,
      totalCents: 14_900,
      depositCents: 4_470,
      balanceCents: 10_430,
      includedImages: 3,
      extraImagePriceCents: 2_500,
      deliveryDays: 5,
    },
    policy: {
      bookingMode: 'instant',
      cancellationTiers: [
        { minHoursBefore: 168, refundPercent: 100 },
        { minHoursBefore: 48, refundPercent: 50 },
      ],
      rescheduleCutoffHours: 24,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      timeZone: 'Europe/Berlin',
    },
    payment: aBookingPayment(),
    notes: null,
    draftId: null,
    brief: null,
    createdAt: '2030-03-01T09:00:00.000Z',
    allowedActions: ['cancel', 'reschedule'],
    ...overrides,
  };
}

export function aBookingPayment(
  overrides: Partial<BookingDto['payment']> = {},
): BookingDto['payment'] {
  return {
    provider: 'manual',
    status: 'due_at_studio',
    currency: 'EUR',
    amountPaidCents: 0,
    amountRefundedCents: 0,
    amountDueCents: 14_900,
    label: 'Pay at the studio — nothing is charged online',
    payUrl: null,
    ...overrides,
  };
}

export function aCancellationPreview(
  overrides: Partial<CancellationPreviewDto> = {},
): CancellationPreviewDto {
  return {
    allowed: true,
    reason: null,
    refundPercent: 50,
    refundCents: 2_500,
    amountPaidCents: 5_000,
    currency: 'EUR',
    hoursBeforeStart: 60,
    tierLabel: 'At least 48 hours before: 50 % back',
    ...overrides,
  };
}

export function anAvailability(overrides: Partial<AvailabilityDto> = {}): AvailabilityDto {
  return {
    timeZone: 'Europe/Berlin',
    weekly: [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '18:00' },
      { weekday: 2, start: '09:00', end: '17:00' },
    ],
    overrides: [],
    timeOff: [],
    policy: aPhotographer().policy,
    ...overrides,
  };
}

/** The brief a booking made from an AI draft carries (draft still there: with its preview). */
export function aBrief(overrides: Partial<BookingBriefDto> = {}): BookingBriefDto {
  return {
    useCase: 'website',
    style: 'professional',
    params: {
      backdrop: 'gradient',
      backdropColor: '#5b6770',
      warmth: 0.35,
      brightness: 0.05,
      contrast: -0.3,
      monochrome: false,
      crop: '4:5',
      retouch: 0.35,
      relight: 0.6,
      straighten: true,
    },
    findings: [
      {
        label: 'Head turn',
        status: 'warn',
        measured: 'turned 18° to the left',
        fix: 'Face the camera squarely; the AI cannot turn a head.',
      },
    ],
    text: 'Professional look, grey gradient backdrop #5b6770, 4:5 crop, warm light.',
    previewUrl: '/api/bookings/a7c1e2d3-0f4b-4c5d-8e6f-7a8b9c0d1e2f/brief/preview',
    ...overrides,
  };
}

/** A paid HD unlock that can still be credited against a booking. */
export function aDraftCredit(overrides: Partial<DraftCreditDto> = {}): DraftCreditDto {
  return {
    draftId: DRAFT_ID,
    amountCents: 900,
    currency: 'EUR',
    expiresAt: '2030-04-02T10:00:00.000Z',
    ...overrides,
  };
}
