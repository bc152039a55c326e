import type { ComparisonFinding } from '../compare/compare.types';
import type { UseCase } from '../compare/use-cases';
import type { StylePreset, VariantParams } from '../drafts/drafts.types';
/** Every status a booking can be in (docs/design.md §4). */
export const BOOKING_STATUSES = [
  'held',
  'requested',
  'confirmed',
  'rescheduled',
  'completed',
  'delivered',
  'expired',
  'declined',
  'cancelled_by_client',
  'cancelled_by_photographer',
  'no_show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * Statuses that hold the photographer's time. A `held` booking stops blocking the moment its
 * hold expires, even before anything marks it `expired`.
 */
export const ACTIVE_BOOKING_STATUSES = ['held', 'requested', 'confirmed', 'rescheduled'] as const;

/**
 * Statuses of a booking that ended without its session: nothing more is due, calendars show it
 * cancelled, and a draft credit it used is given back.
 */
export const CLOSED_BOOKING_STATUSES: readonly BookingStatus[] = [
  'expired',
  'declined',
  'cancelled_by_client',
  'cancelled_by_photographer',
];

export const BOOKING_ACTIONS = [
  'confirm',
  'approve',
  'decline',
  'cancel',
  'reschedule',
  'complete',
  'no_show',
  'expire',
  'deliver',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

export type BookingMode = 'instant' | 'approval';
export type PackageLocation = 'studio' | 'on_location';

/** "Cancel at least `minHoursBefore` hours before the start and get `refundPercent` back." */
export interface CancellationTier {
  minHoursBefore: number;
  refundPercent: number;
}

/** The photographer's rules as they were when the booking was made; later edits never apply. */
export interface PolicySnapshot {
  bookingMode: BookingMode;
  cancellationTiers: CancellationTier[];
  rescheduleCutoffHours: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  timeZone: string;
}

/** What the booking costs, computed on the server from the package when it was booked. */
export interface PriceSnapshot {
  packageName: string;
  durationMinutes: number;
  location: PackageLocation;
  currency: string;
  packagePriceCents: number;
  travelFeeCents: number;
  totalCents: number;
  depositCents: number;
  balanceCents: number;
  includedImages: number;
  extraImagePriceCents: number;
  deliveryDays: number;
  /**
   * A paid draft unlock credited against this booking (docs/design.md §8), already taken off
   * `totalCents`; absent on bookings made before credits existed.
   */
  draftCredit?: { draftId: string; amountCents: number } | null;
}

/**
 * Where the booking's money stands. With the `manual` provider (no Stripe key) nothing is
 * charged online and the price is `due_at_studio`; with `stripe` the client pays the deposit or
 * the full price at checkout, and a deposit's balance is charged when the session is completed.
 */
export type BookingPaymentStatus =
  | 'not_started'
  | 'due_at_studio'
  | 'awaiting_payment'
  /** Paid with a delayed method (e.g. SEPA Direct Debit): the slot is held until the bank answers. */
  | 'payment_processing'
  /** The delayed payment failed: the hold was released. */
  | 'payment_failed'
  | 'deposit_paid'
  | 'balance_due'
  | 'paid'
  | 'partially_refunded'
  | 'refunded';
export interface BookingPaymentDto {
  provider: 'manual' | 'stripe';
  status: BookingPaymentStatus;
  /** The currency of every amount here: the package's. */
  currency: string;
  /** Everything the client paid towards the session price (deposit, balance or full price). */
  amountPaidCents: number;
  /** Everything refunded of that, from Lensbridge or the payment provider's dashboard. */
  amountRefundedCents: number;
  /**
   * What the client still owes under the booking's terms (see `amountDueCents()` in
   * `shared/bookings/amount-due.ts`); a refund never makes money due again.
   */
  amountDueCents: number;
  /** Plain words for people, e.g. "Pay at the studio — nothing is charged online". */
  label: string;
  /** An open hosted payment page for the amount due (a balance that needed the card holder). */
  payUrl: string | null;
}

export interface BookingPartyDto {
  id: string;
  name: string;
}

export interface BookingDto {
  id: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  /** The photographer's zone; show times in it as well as in the viewer's. */
  timeZone: string;
  holdExpiresAt: string | null;
  photographer: BookingPartyDto & { city: string; studioAddress: string | null };
  client: BookingPartyDto;
  packageId: string;
  price: PriceSnapshot;
  policy: PolicySnapshot;
  payment: BookingPaymentDto;
  notes: string | null;
  draftId: string | null;
  /** The look the client chose in an AI draft, for the photographer (null without a draft). */
  brief: BookingBriefDto | null;
  createdAt: string;
  /** What the caller may do next, from the state machine. */
  allowedActions: BookingAction[];
}

export interface CancellationPreviewDto {
  allowed: boolean;
  /** Why not, when not allowed (a code from BookingErrorCode). */
  reason: string | null;
  refundPercent: number;
  refundCents: number;
  amountPaidCents: number;
  currency: string;
  hoursBeforeStart: number;
  /** E.g. "At least 7 days before: 100 % back". */
  tierLabel: string;
}

export interface AuditEventDto {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorRole: string;
  at: string;
  /** What the person who made the change told the other (a decline's reason). */
  reason?: string;
}

export const BookingErrorCode = {
  SlotTaken: 'SLOT_TAKEN',
  SlotUnavailable: 'SLOT_UNAVAILABLE',
  TransitionNotAllowed: 'BOOKING_TRANSITION_NOT_ALLOWED',
  HoldExpired: 'HOLD_EXPIRED',
  AlreadyStarted: 'BOOKING_ALREADY_STARTED',
  NotStarted: 'BOOKING_NOT_STARTED',
  RescheduleTooLate: 'RESCHEDULE_TOO_LATE',
  BookingNotFound: 'BOOKING_NOT_FOUND',
  PackageNotFound: 'PACKAGE_NOT_FOUND',
  PackageInactive: 'PACKAGE_INACTIVE',
  PaymentRequired: 'BOOKING_PAYMENT_REQUIRED',
  /** Checkout for a booking whose total is zero (a credit covered it): confirm it instead. */
  NothingToPay: 'BOOKING_NOTHING_TO_PAY',
  /** The booking has no draft (any more) to show as its brief's preview. */
  BriefNotFound: 'BRIEF_NOT_FOUND',
  /** A draft's unlock is already credited against another booking. */
  CreditAlreadyUsed: 'CREDIT_ALREADY_USED',
  /** The unlock was paid more than 30 days ago. */
  CreditExpired: 'CREDIT_EXPIRED',
  /** Nothing to credit: never paid, refunded, or paid in another currency. */
  CreditNotAvailable: 'CREDIT_NOT_AVAILABLE',
  /** The client already holds BOOKING_MAX_ACTIVE_HOLDS unconfirmed slots (429). */
  TooManyHolds: 'TOO_MANY_HOLDS',
  /** The client already has BOOKING_MAX_PER_PHOTOGRAPHER upcoming bookings with them (409). */
  TooManyWithPhotographer: 'TOO_MANY_BOOKINGS_WITH_PHOTOGRAPHER',
} as const;

/** A booking's money trail, for receipts. */
export interface BookingLedgerDto {
  currency: string;
  paidCents: number;
  refundedCents: number;
  entries: {
    type: string;
    amountCents: number;
    currency: string;
    at: string;
    note: string | null;
  }[];
}

/**
 * The AI draft a client chose, handed to the photographer as a brief: a text snapshot taken when
 * the booking was made (it stays when the draft is deleted) plus the draft's preview while the
 * draft still exists.
 */
export interface BookingBriefDto {
  useCase: UseCase | null;
  style: StylePreset;
  params: VariantParams;
  /** Checks the quality report did not pass, with what the AI could not fix. */
  findings: ComparisonFinding[];
  /** The whole brief in plain words (style, backdrop colour, crop, ambience, notes, findings). */
  text: string;
  /** `/api/bookings/:id/brief/preview` while the draft exists; null once it is deleted. */
  previewUrl: string | null;
}
