import { AccountToken } from '../modules/accounts/account-token.entity';
import { Session } from '../modules/auth/session.entity';
import { LedgerEntry } from '../modules/payments/ledger-entry.entity';
import { Payment } from '../modules/payments/payment.entity';
import { RefundRequest } from '../modules/payments/refund-request.entity';
import { PayoutAccount } from '../modules/payments/payout-account.entity';
import { ProcessedWebhookEvent } from '../modules/payments/processed-webhook-event.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Booking } from '../modules/bookings/booking.entity';
import {
  CalendarObject,
  CalendarWrite,
  ExternalCalendar,
} from '../modules/calendars/external-calendar.entity';
import { CalendarFeed } from '../modules/calendar-feeds/calendar-feed.entity';
import { DraftCredit } from '../modules/bookings/draft-credit.entity';
import { Draft } from '../modules/drafts/draft.entity';
import { DraftRenderJob } from '../modules/drafts/draft-render-job.entity';
import { DraftUsage } from '../modules/drafts/draft-usage.entity';
import { DraftVariant } from '../modules/drafts/draft-variant.entity';
import { GalleryImage } from '../modules/gallery/gallery-image.entity';
import { Gallery } from '../modules/gallery/gallery.entity';
import { Review } from '../modules/gallery/review.entity';
import { OutboxMessage } from '../modules/notifications/outbox-message.entity';
import { ScheduledJob } from '../modules/scheduling/scheduled-job.entity';
import { AvailabilityOverride } from '../modules/photographers/availability-override.entity';
import { AvailabilityRule } from '../modules/photographers/availability-rule.entity';
import { Package } from '../modules/photographers/package.entity';
import { PhotographerProfile } from '../modules/photographers/photographer-profile.entity';
import { PortfolioImage } from '../modules/photographers/portfolio-image.entity';
import { TimeOff } from '../modules/photographers/time-off.entity';
import { User } from '../modules/users/user.entity';

/** Every entity, registered once for the app, the CLI and the migration tools. */
export const entities = [
  User,
  Session,
  AccountToken,
  PhotographerProfile,
  PortfolioImage,
  Package,
  AvailabilityRule,
  AvailabilityOverride,
  TimeOff,
  Booking,
  AuditEvent,
  DraftCredit,
  PayoutAccount,
  Payment,
  LedgerEntry,
  RefundRequest,
  ProcessedWebhookEvent,
  Draft,
  DraftVariant,
  DraftRenderJob,
  DraftUsage,
  Gallery,
  GalleryImage,
  Review,
  OutboxMessage,
  ScheduledJob,
  CalendarFeed,
  ExternalCalendar,
  CalendarObject,
  CalendarWrite,
];
