import { z } from 'zod';

const address = z
  .string()
  .trim()
  .min(1, 'Paste the calendar’s address')
  .max(2000, 'Address: at most 2000 characters')
  .refine((value) => /^(https?|webcal):\/\//i.test(value), {
    message: 'Use the https:// (or webcal://) address your calendar app shows for sharing',
  });

/** Connect a calendar: a secret iCalendar address (read only) or a CalDAV account. */
export const connectCalendarSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ics'),
    url: address.describe('The calendar’s secret iCalendar (.ics / webcal) address'),
  }),
  z.strictObject({
    kind: z.literal('caldav'),
    url: address.describe('The CalDAV server or calendar address'),
    username: z.string().trim().min(1, 'Enter the user name').max(200),
    password: z
      .string()
      .min(1, 'Enter the password (an app-specific password for iCloud or Fastmail)')
      .max(500),
    writeBookings: z
      .boolean()
      .default(true)
      .describe('Write confirmed bookings into this calendar as events'),
  }),
]);
export type ConnectCalendarInput = z.infer<typeof connectCalendarSchema>;

export const calendarIdParamSchema = z.object({
  id: z.uuid('Not a calendar id'),
});
export type CalendarIdParam = z.infer<typeof calendarIdParamSchema>;
