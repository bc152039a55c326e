import { availabilitySchema, slotsQuerySchema, timeZoneSchema } from './photographers.schema';

const policy = {
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 30,
  slotStepMinutes: 30,
  bookingMode: 'instant',
  cancellationTiers: [],
  rescheduleCutoffHours: 24,
};
const PACKAGE = '3f1c1a3e-7d7b-4b8a-9c1e-2f4a5b6c7d8e';

describe('availabilitySchema', () => {
  it('accepts several intervals a day that touch, and an end at 24:00', () => {
    const result = availabilitySchema.safeParse({
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '24:00' },
        { weekday: 2, start: '10:00', end: '11:00' },
      ],
      policy,
    });
    expect(result.success).toBe(true);
  });

  it('refuses overlapping intervals on the same weekday, pointing at the second one', () => {
    const result = availabilitySchema.safeParse({
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
      ],
      policy,
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['weekly', 1, 'start'],
        message: expect.stringMatching(/overlaps/),
      }),
    ]);
  });

  it.each([
    ['an end before the start', { weekday: 1, start: '12:00', end: '09:00' }],
    ['25 o’clock', { weekday: 1, start: '09:00', end: '25:00' }],
    ['weekday 8', { weekday: 8, start: '09:00', end: '10:00' }],
    ['an unknown field', { weekday: 1, start: '09:00', end: '10:00', colour: 'red' }],
  ])('refuses %s', (_, weekly) => {
    expect(availabilitySchema.safeParse({ weekly: [weekly], policy }).success).toBe(false);
  });
});

describe('slotsQuerySchema', () => {
  it('refuses `from` after `to` and ranges over 93 days', () => {
    expect(
      slotsQuerySchema.safeParse({
        packageId: PACKAGE,
        from: '2025-02-01T00:00:00Z',
        to: '2025-01-01T00:00:00Z',
      }).success,
    ).toBe(false);
    expect(
      slotsQuerySchema.safeParse({
        packageId: PACKAGE,
        from: '2025-01-01T00:00:00Z',
        to: '2025-04-05T00:00:00Z',
      }).success,
    ).toBe(false);
    expect(
      slotsQuerySchema.safeParse({
        packageId: PACKAGE,
        from: '2025-01-01T00:00:00Z',
        to: '2025-04-04T00:00:00Z',
      }).success,
    ).toBe(true);
  });
});

describe('timeZoneSchema', () => {
  it.each([
    ['Europe/Berlin', true],
    ['Asia/Kolkata', true],
    ['Mars/Olympus', false],
    ['EST', false],
  ])('%s → %s', (zone, ok) => {
    expect(timeZoneSchema.safeParse(zone).success).toBe(ok);
  });
});
