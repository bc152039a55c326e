import request from 'supertest';
import type { App } from 'supertest/types';
import type {
  AvailabilityInput,
  PackageInput,
  ProfileInput,
} from '../../shared/photographers/photographers.schema';
import type {
  PhotographerProfileDto,
  SlotsDto,
} from '../../shared/photographers/photographers.types';
import { asSignedIn, signUp, type SignedIn, writeHeaders } from './accounts';

export const TEST_ADMIN = { email: 'ops@example.com', password: 'admin-password-for-tests' };
/** startTestApp env for suites that need an admin and many fast sign-ups. */
export const BOOKING_TEST_ENV = {
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  SCRYPT_LOG_N: '14',
};

export function aProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    displayName: 'Lena Licht',
    bio: 'Calm, precise portraits.',
    city: 'Berlin',
    studioAddress: 'Torstraße 1, 10119 Berlin',
    timeZone: 'Europe/Berlin',
    styles: ['corporate', 'natural-light'],
    published: true,
    ...overrides,
  };
}

export function aPackageInput(overrides: Partial<PackageInput> = {}): PackageInput {
  return {
    name: 'Executive headshot',
    description: 'One look, five retouched images.',
    durationMinutes: 60,
    priceCents: 24_000,
    currency: 'EUR',
    deposit: { kind: 'percent', percent: 30 },
    includedImages: 5,
    extraImagePriceCents: 2_500,
    deliveryDays: 5,
    location: 'studio',
    travelFeeCents: 0,
    active: true,
    ...overrides,
  };
}

/** Every day 08:00–20:00, half-hour grid, one hour notice, 60 days ahead, generous tiers. */
export function anAvailability(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
    overrides: [],
    policy: {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 60,
      horizonDays: 60,
      slotStepMinutes: 30,
      bookingMode: 'instant',
      cancellationTiers: [
        { minHoursBefore: 168, refundPercent: 100 },
        { minHoursBefore: 48, refundPercent: 50 },
      ],
      rescheduleCutoffHours: 24,
      ...overrides.policy,
    },
    ...(overrides.weekly ? { weekly: overrides.weekly } : {}),
    ...(overrides.overrides ? { overrides: overrides.overrides } : {}),
  };
}

export async function signInAdmin(server: App): Promise<SignedIn> {
  const response = await request(server).post('/api/auth/login').send(TEST_ADMIN).expect(200);
  return asSignedIn(response);
}

export interface ListedPhotographer {
  who: SignedIn;
  profile: PhotographerProfileDto;
  packageId: string;
}

/** A photographer with a profile, availability and one package, approved and published. */
export async function aListedPhotographer(
  server: App,
  admin: SignedIn,
  options: {
    profile?: Partial<ProfileInput>;
    availability?: Partial<AvailabilityInput>;
    pkg?: Partial<PackageInput>;
  } = {},
): Promise<ListedPhotographer> {
  const who = await signUp(server, { role: 'photographer' });
  const saved = await request(server)
    .put('/api/photographers/me')
    .set(writeHeaders(who))
    .send(aProfile(options.profile))
    .expect(200);
  await request(server)
    .put('/api/photographers/me/availability')
    .set(writeHeaders(who))
    .send(anAvailability(options.availability))
    .expect(200);
  const pkg = await request(server)
    .post('/api/photographers/me/packages')
    .set(writeHeaders(who))
    .send(aPackageInput(options.pkg))
    .expect(201);
  const approved = await request(server)
    .post(`/api/admin/photographers/${saved.body.id}/approve`)
    .set(writeHeaders(admin))
    .expect(200);
  return { who, profile: approved.body, packageId: pkg.body.id };
}

export async function freeSlots(
  server: App,
  photographerId: string,
  packageId: string,
  range: { from?: string; to?: string } = {},
): Promise<SlotsDto> {
  const response = await request(server)
    .get(`/api/photographers/${photographerId}/slots`)
    .query({ packageId, ...range })
    .expect(200);
  return response.body as SlotsDto;
}
