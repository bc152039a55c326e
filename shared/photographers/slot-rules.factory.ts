import type { SlotRequest, SlotRules } from './slots';

/** Test data: Monday–Friday 09:00–17:00 in Berlin, hourly slots, no buffers or notice. */
export function aSlotRules(overrides: Partial<SlotRules> = {}): SlotRules {
  return {
    timeZone: 'Europe/Berlin',
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
    overrides: [],
    daysOff: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    horizonDays: 365,
    stepMinutes: 60,
    ...overrides,
  };
}

export function aSlotRequest(overrides: Partial<SlotRequest> = {}): SlotRequest {
  return {
    durationMinutes: 60,
    from: new Date('2025-06-02T00:00:00Z'),
    to: new Date('2025-06-03T00:00:00Z'),
    now: new Date('2025-06-01T00:00:00Z'),
    busy: [],
    ...overrides,
  };
}
