/** A photographer's calendar subscription: a secret URL that serves their bookings as iCalendar. */
export interface CalendarFeedDto {
  /** `${PUBLIC_URL}/api/calendar-feeds/<token>.ics`; whoever has it can read the feed. */
  url: string;
}

export const CalendarFeedErrorCode = {
  /** The token is unknown or was replaced by "make a new link". */
  FeedNotFound: 'CALENDAR_FEED_NOT_FOUND',
} as const;
