/** A studio open every day 07:00–12:00 and 13:00–21:00, with 15-minute buffers (the slot benches). */
export function weeklyRules(timeZone = 'Europe/Berlin') {
  return {
    timeZone,
    weekly: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      { weekday, startMinute: 7 * 60, endMinute: 12 * 60 },
      { weekday, startMinute: 13 * 60, endMinute: 21 * 60 },
    ]),
    overrides: [],
    daysOff: [],
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    minNoticeMinutes: 60,
    horizonDays: 90,
    stepMinutes: 15,
  };
}
