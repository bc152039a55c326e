import type {
  AvailabilityInput,
  PackageInput,
  ProfileInput,
} from '../../../shared/photographers/photographers.schema';
import type { PortraitPalette } from './demo-portrait';

export interface DemoPhotographer {
  email: string;
  name: string;
  profile: ProfileInput;
  packages: PackageInput[];
  weekly: AvailabilityInput['weekly'];
  policy?: Partial<AvailabilityInput['policy']>;
  palettes: PortraitPalette[];
}

const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]) =>
  days.map((weekday) => ({ weekday, start, end }));

const headshot = (overrides: Partial<PackageInput> = {}): PackageInput => ({
  name: 'Headshot session',
  description: 'One look, studio light, three retouched images.',
  durationMinutes: 45,
  priceCents: 14_900,
  currency: 'EUR',
  deposit: { kind: 'percent', percent: 30 },
  includedImages: 3,
  extraImagePriceCents: 2_500,
  deliveryDays: 5,
  location: 'studio',
  travelFeeCents: 0,
  active: true,
  ...overrides,
});

const executive = (overrides: Partial<PackageInput> = {}): PackageInput =>
  headshot({
    name: 'Executive portrait',
    description: 'Two looks, wardrobe guidance, six retouched images, print-ready files.',
    durationMinutes: 90,
    priceCents: 34_000,
    includedImages: 6,
    deliveryDays: 7,
    ...overrides,
  });

const onLocation = (overrides: Partial<PackageInput> = {}): PackageInput =>
  headshot({
    name: 'At your office',
    description: 'I bring lights and a backdrop to your workplace; four retouched images.',
    durationMinutes: 60,
    priceCents: 29_000,
    location: 'on_location',
    travelFeeCents: 6_000,
    deposit: { kind: 'fixed', cents: 10_000 },
    includedImages: 4,
    ...overrides,
  });

const warm: PortraitPalette[] = [
  { top: [236, 226, 214], bottom: [196, 178, 160], figure: [58, 48, 44] },
  { top: [214, 200, 186], bottom: [150, 128, 112], figure: [40, 34, 32] },
  { top: [242, 236, 228], bottom: [206, 196, 184], figure: [84, 70, 62] },
];
const cool: PortraitPalette[] = [
  { top: [210, 220, 230], bottom: [120, 138, 160], figure: [30, 36, 48] },
  { top: [226, 232, 238], bottom: [168, 180, 196], figure: [46, 52, 66] },
  { top: [190, 204, 214], bottom: [92, 108, 124], figure: [22, 26, 34] },
];
const mono: PortraitPalette[] = [
  { top: [232, 232, 232], bottom: [150, 150, 150], figure: [28, 28, 28] },
  { top: [90, 90, 90], bottom: [30, 30, 30], figure: [210, 210, 210] },
  { top: [200, 200, 200], bottom: [110, 110, 110], figure: [40, 40, 40] },
];
const green: PortraitPalette[] = [
  { top: [220, 228, 214], bottom: [132, 150, 124], figure: [44, 52, 40] },
  { top: [236, 240, 226], bottom: [170, 186, 156], figure: [58, 66, 50] },
  { top: [204, 214, 196], bottom: [104, 124, 98], figure: [34, 40, 30] },
];

const usd = { currency: 'USD' } as const;
const aud = { currency: 'AUD' } as const;

/** About eight photographers in three cities and three zones; documented in the README. */
export const DEMO_PHOTOGRAPHERS: readonly DemoPhotographer[] = [
  {
    email: 'photographer@demo.lensbridge.test',
    name: 'Jonas Photographer',
    profile: {
      displayName: 'Jonas Weber Studio',
      bio: 'Clean corporate headshots in a daylight studio in Mitte. Calm direction, no stiff poses.',
      city: 'Berlin',
      studioAddress: 'Torstraße 140, 10119 Berlin',
      timeZone: 'Europe/Berlin',
      styles: ['corporate', 'natural-light', 'studio'],
      published: true,
    },
    packages: [headshot(), executive(), onLocation()],
    weekly: [
      ...weekdays('09:00', '12:30'),
      ...weekdays('13:30', '18:00'),
      { weekday: 6, start: '10:00', end: '14:00' },
    ],
    palettes: warm,
  },
  {
    email: 'mara.schulz@demo.lensbridge.test',
    name: 'Mara Schulz',
    profile: {
      displayName: 'Mara Schulz',
      bio: 'Editorial and black-and-white portraits for founders, authors and artists.',
      city: 'Berlin',
      studioAddress: 'Skalitzer Straße 85, 10997 Berlin',
      timeZone: 'Europe/Berlin',
      styles: ['editorial', 'black-and-white', 'creative'],
      published: true,
    },
    packages: [
      headshot({ name: 'Portrait hour', durationMinutes: 60, priceCents: 22_000 }),
      executive({ name: 'Editorial session', priceCents: 48_000 }),
    ],
    weekly: weekdays('11:00', '19:00', [2, 3, 4, 5, 6]),
    policy: { bookingMode: 'approval' },
    palettes: mono,
  },
  {
    email: 'emre.kaya@demo.lensbridge.test',
    name: 'Emre Kaya',
    profile: {
      displayName: 'Emre Kaya Portraits',
      bio: 'Fast, friendly LinkedIn-ready headshots. Same-week delivery.',
      city: 'Berlin',
      studioAddress: 'Karl-Marx-Straße 58, 12043 Berlin',
      timeZone: 'Europe/Berlin',
      styles: ['corporate', 'studio'],
      published: true,
    },
    packages: [
      headshot({
        name: 'Express headshot',
        durationMinutes: 30,
        priceCents: 8_900,
        deliveryDays: 3,
        includedImages: 2,
      }),
      headshot(),
    ],
    weekly: weekdays('08:00', '16:00'),
    palettes: cool,
  },
  {
    email: 'ava.brooks@demo.lensbridge.test',
    name: 'Ava Brooks',
    profile: {
      displayName: 'Ava Brooks Photography',
      bio: 'Natural-light headshots in a Brooklyn loft; actors and executives.',
      city: 'New York',
      studioAddress: '55 Water St, Brooklyn, NY 11201',
      timeZone: 'America/New_York',
      styles: ['natural-light', 'actor', 'corporate'],
      published: true,
    },
    packages: [headshot({ ...usd, priceCents: 25_000 }), executive({ ...usd, priceCents: 52_000 })],
    weekly: [...weekdays('10:00', '13:00'), ...weekdays('14:00', '19:00')],
    palettes: warm,
  },
  {
    email: 'marcus.lee@demo.lensbridge.test',
    name: 'Marcus Lee',
    profile: {
      displayName: 'Marcus Lee Studio',
      bio: 'Bold editorial portraits and team days for Manhattan firms.',
      city: 'New York',
      studioAddress: '245 W 29th St, New York, NY 10001',
      timeZone: 'America/New_York',
      styles: ['editorial', 'corporate', 'creative'],
      published: true,
    },
    packages: [
      executive({ ...usd, priceCents: 60_000 }),
      onLocation({
        ...usd,
        priceCents: 45_000,
        travelFeeCents: 9_000,
        deposit: { kind: 'fixed', cents: 15_000 },
      }),
    ],
    weekly: weekdays('09:00', '17:00', [1, 2, 3, 4]),
    policy: { bufferAfterMinutes: 30 },
    palettes: cool,
  },
  {
    email: 'sofia.ramirez@demo.lensbridge.test',
    name: 'Sofia Ramírez',
    profile: {
      displayName: 'Sofia Ramírez',
      bio: 'Outdoor and environmental portraits around the city; early-morning light.',
      city: 'New York',
      studioAddress: null,
      timeZone: 'America/New_York',
      styles: ['outdoor', 'natural-light'],
      published: true,
    },
    packages: [
      onLocation({ ...usd, name: 'Golden hour outdoors', priceCents: 32_000, travelFeeCents: 0 }),
    ],
    weekly: [
      ...weekdays('06:30', '10:00', [1, 2, 3, 4, 5, 6, 7]),
      ...weekdays('17:00', '20:00', [5, 6]),
    ],
    palettes: green,
  },
  {
    email: 'liam.nguyen@demo.lensbridge.test',
    name: 'Liam Nguyen',
    profile: {
      displayName: 'Liam Nguyen Headshots',
      bio: 'Surry Hills studio: headshots for lawyers, doctors and consultants.',
      city: 'Sydney',
      studioAddress: '12 Foveaux St, Surry Hills NSW 2010',
      timeZone: 'Australia/Sydney',
      styles: ['corporate', 'studio'],
      published: true,
    },
    packages: [headshot({ ...aud, priceCents: 29_000 }), executive({ ...aud, priceCents: 59_000 })],
    weekly: weekdays('08:30', '17:30'),
    palettes: cool,
  },
  {
    email: 'chloe.martin@demo.lensbridge.test',
    name: 'Chloe Martin',
    profile: {
      displayName: 'Chloe Martin',
      bio: 'Warm, creative portraits by the harbour; personal branding sessions.',
      city: 'Sydney',
      studioAddress: '3 Lower Fort St, Dawes Point NSW 2000',
      timeZone: 'Australia/Sydney',
      styles: ['creative', 'outdoor', 'natural-light'],
      published: true,
    },
    packages: [
      headshot({ ...aud, name: 'Brand portrait', durationMinutes: 60, priceCents: 35_000 }),
    ],
    weekly: weekdays('09:00', '15:00', [3, 4, 5, 6, 7]),
    palettes: green,
  },
];

/** Clients besides the base demo client, so bookings can come from several people. */
export const DEMO_EXTRA_CLIENTS = [
  { email: 'noah.client@demo.lensbridge.test', name: 'Noah Client' },
  { email: 'priya.client@demo.lensbridge.test', name: 'Priya Client' },
] as const;
