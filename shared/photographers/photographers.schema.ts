import { z } from 'zod';
import {
  MAX_SLOT_RANGE_DAYS,
  minutesOf,
  overlappingIntervals,
  PHOTO_STYLES,
} from './photographers.types';

const trimmed = (max: number, label: string) =>
  z.string().trim().max(max, `${label}: at most ${max} characters`);

/** An IANA zone the server's ICU knows, e.g. `Europe/Berlin`. */
export const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}, 'Choose a time zone such as Europe/Berlin');

export const profileSchema = z.strictObject({
  displayName: trimmed(80, 'Name').min(2, 'Enter the name clients will see'),
  bio: trimmed(2000, 'Bio').default(''),
  city: trimmed(80, 'City').min(2, 'Enter your city'),
  studioAddress: trimmed(200, 'Address').nullable().default(null),
  timeZone: timeZoneSchema,
  styles: z.array(z.enum(PHOTO_STYLES)).max(PHOTO_STYLES.length).default([]),
  published: z.boolean().default(false),
});
export type ProfileInput = z.infer<typeof profileSchema>;

const money = z.number().int('Use whole minor units (cents)').min(0).max(10_000_000);

export const packageSchema = z.strictObject({
  name: trimmed(80, 'Name').min(2, 'Name the package'),
  description: trimmed(1000, 'Description').default(''),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(12 * 60)
    .multipleOf(5, 'Use steps of 5 minutes'),
  priceCents: money,
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO currency code such as EUR'),
  deposit: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('percent'), percent: z.number().int().min(0).max(100) }),
    z.strictObject({ kind: z.literal('fixed'), cents: money }),
  ]),
  includedImages: z.number().int().min(0).max(1000),
  extraImagePriceCents: money,
  deliveryDays: z.number().int().min(0).max(365),
  location: z.enum(['studio', 'on_location']),
  travelFeeCents: money.default(0),
  active: z.boolean().default(true),
});
export type PackageInput = z.infer<typeof packageSchema>;
export const packagePatchSchema = packageSchema.partial();
export type PackagePatch = z.infer<typeof packagePatchSchema>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:mm');

const endAfterStart = {
  check: (i: { start: string; end: string }) => minutesOf(i.end) > minutesOf(i.start),
  params: { message: 'The end must be after the start', path: ['end'] },
};
const interval = z
  .strictObject({ start: clock, end: clock })
  .refine(endAfterStart.check, endAfterStart.params);
const weeklyInterval = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: clock, end: clock })
  .refine(endAfterStart.check, endAfterStart.params);

const noOverlaps = (
  intervals: { weekday?: number; start: string; end: string }[],
  context: z.RefinementCtx,
) => {
  for (const [, second] of overlappingIntervals(intervals)) {
    context.addIssue({
      code: 'custom',
      message: 'This interval overlaps another one on the same day',
      path: [second, 'start'],
    });
  }
};

export const policySchema = z.strictObject({
  bufferBeforeMinutes: z.number().int().min(0).max(240),
  bufferAfterMinutes: z.number().int().min(0).max(240),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30),
  horizonDays: z.number().int().min(1).max(365),
  slotStepMinutes: z.number().int().min(5).max(240).multipleOf(5),
  bookingMode: z.enum(['instant', 'approval']),
  cancellationTiers: z
    .array(
      z.strictObject({
        minHoursBefore: z
          .number()
          .int()
          .min(0)
          .max(24 * 90),
        refundPercent: z.number().int().min(0).max(100),
      }),
    )
    .max(5),
  rescheduleCutoffHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
});

export const availabilitySchema = z.strictObject({
  weekly: z.array(weeklyInterval).max(70).superRefine(noOverlaps),
  overrides: z
    .array(
      z.strictObject({
        date: z.iso.date(),
        intervals: z.array(interval).max(10).superRefine(noOverlaps),
      }),
    )
    .max(366)
    .default([]),
  policy: policySchema,
});
export type AvailabilityInput = z.infer<typeof availabilitySchema>;

export const timeOffSchema = z
  .strictObject({
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    note: trimmed(200, 'Note').default(''),
  })
  .refine((t) => t.endDate >= t.startDate, {
    message: 'The last day must not be before the first',
    path: ['endDate'],
  });
export type TimeOffInput = z.infer<typeof timeOffSchema>;

export const photographerSearchSchema = z.strictObject({
  city: z.string().trim().max(80).optional(),
  style: z.enum(PHOTO_STYLES).optional(),
  maxPriceCents: z.coerce.number().int().min(0).optional(),
  /** Free on this date (in the photographer's zone). */
  date: z.iso.date().optional(),
  sort: z.enum(['price', 'rating', 'earliest']).default('earliest'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export type PhotographerSearch = z.infer<typeof photographerSearchSchema>;

const DAY = 86_400_000;

const slotRange = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

/** `from` before `to`, and at most MAX_SLOT_RANGE_DAYS apart. */
function withinSlotRange<T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) {
  return schema
    .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
      message: '`from` must be before `to`',
      path: ['from'],
    })
    .refine(
      (q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_SLOT_RANGE_DAYS * DAY,
      { message: `Ask for at most ${MAX_SLOT_RANGE_DAYS} days at a time`, path: ['to'] },
    );
}

export const slotsQuerySchema = withinSlotRange(
  z.strictObject({ packageId: z.uuid('Choose a package'), ...slotRange }),
);
export type SlotsQuery = z.infer<typeof slotsQuerySchema>;

/** Free times to move a booking to: its own package, so only the range. */
export const rescheduleSlotsQuerySchema = withinSlotRange(z.strictObject(slotRange));
export type RescheduleSlotsQuery = z.infer<typeof rescheduleSlotsQuerySchema>;

export const idParamSchema = z.strictObject({ id: z.uuid() });
export type IdParam = z.infer<typeof idParamSchema>;
