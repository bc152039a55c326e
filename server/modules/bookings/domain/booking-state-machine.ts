import {
  ACTIVE_BOOKING_STATUSES,
  BOOKING_ACTIONS,
  BOOKING_STATUSES,
  type BookingAction,
  BookingErrorCode,
  type BookingMode,
  type BookingStatus,
} from '../../../../shared/bookings/bookings.types';

export type BookingActor = 'client' | 'photographer' | 'admin' | 'system';

/**
 * What the payment provider reports about a booking, applied as the `system` actor:
 * - `payment_received`: a paid checkout makes the held slot the client's (a request in
 *   approval mode);
 * - `payment_processing`: a delayed method (SEPA and the like) keeps the slot held;
 * - `payment_failed`: the delayed payment failed, so the hold ends;
 * - `money_recorded`: any other money (balance, extras, a late payment, a refund) changes the
 *   booking's totals and never its status.
 */
export const MONEY_ACTIONS = [
  'payment_received',
  'payment_processing',
  'payment_failed',
  'money_recorded',
] as const;
export type MoneyAction = (typeof MONEY_ACTIONS)[number];

/** Every action the state machine knows: the parties' and the provider's. */
export type TransitionAction = BookingAction | MoneyAction;

export interface TransitionSubject {
  status: BookingStatus;
  startsAt: Date;
  holdExpiresAt: Date | null;
  bookingMode: BookingMode;
  rescheduleCutoffHours: number;
}

export type TransitionResult =
  { ok: true; to: BookingStatus } | { ok: false; code: string; message: string };

type Rule = {
  from: readonly BookingStatus[];
  actors: readonly BookingActor[];
  to: (subject: TransitionSubject, actor: BookingActor) => BookingStatus;
  guard?: (subject: TransitionSubject, now: Date) => TransitionResult | null;
};

const HOUR = 3_600_000;
const live = ['confirmed', 'rescheduled'] as const;

const fail = (code: string, message: string): TransitionResult => ({ ok: false, code, message });

const beforeStart = (subject: TransitionSubject, now: Date) =>
  now < subject.startsAt
    ? null
    : fail(BookingErrorCode.AlreadyStarted, 'The session has already started.');

const afterStart = (subject: TransitionSubject, now: Date) =>
  now >= subject.startsAt
    ? null
    : fail(BookingErrorCode.NotStarted, 'The session has not started yet.');

const holdLive = (subject: TransitionSubject, now: Date) =>
  subject.holdExpiresAt && now < subject.holdExpiresAt
    ? null
    : fail(BookingErrorCode.HoldExpired, 'The hold on this slot has expired. Pick the slot again.');

/** Every legal move (docs/design.md §4). Anything not listed is refused. */
const RULES: Record<TransitionAction, Rule> = {
  confirm: {
    from: ['held'],
    actors: ['client'],
    to: (s) => (s.bookingMode === 'approval' ? 'requested' : 'confirmed'),
    guard: holdLive,
  },
  expire: {
    from: ['held'],
    actors: ['system'],
    to: () => 'expired',
    guard: (s, now) =>
      s.holdExpiresAt && now >= s.holdExpiresAt
        ? null
        : fail(BookingErrorCode.TransitionNotAllowed, 'The hold has not expired yet.'),
  },
  approve: {
    from: ['requested'],
    actors: ['photographer'],
    to: () => 'confirmed',
    guard: beforeStart,
  },
  decline: { from: ['requested'], actors: ['photographer'], to: () => 'declined' },
  cancel: {
    from: ['held', 'requested', ...live],
    actors: ['client', 'photographer'],
    to: (_, actor) => (actor === 'client' ? 'cancelled_by_client' : 'cancelled_by_photographer'),
    guard: beforeStart,
  },
  reschedule: {
    from: live,
    actors: ['client', 'photographer'],
    to: () => 'rescheduled',
    guard: (s, now) =>
      beforeStart(s, now) ??
      (now.getTime() <= s.startsAt.getTime() - s.rescheduleCutoffHours * HOUR
        ? null
        : fail(
            BookingErrorCode.RescheduleTooLate,
            `Rescheduling closes ${s.rescheduleCutoffHours} hours before the session.`,
          )),
  },
  complete: { from: live, actors: ['photographer'], to: () => 'completed', guard: afterStart },
  no_show: { from: live, actors: ['photographer'], to: () => 'no_show', guard: afterStart },
  deliver: { from: ['completed'], actors: ['photographer'], to: () => 'delivered' },
  // A hold whose window lapsed but that nobody has expired yet still owns its range (the
  // writers expire lapsed holds before anyone else takes the range), so money that arrives
  // for it is taken.
  payment_received: {
    from: ['held'],
    actors: ['system'],
    to: (s) => (s.bookingMode === 'approval' ? 'requested' : 'confirmed'),
  },
  payment_processing: { from: ['held'], actors: ['system'], to: () => 'held' },
  payment_failed: { from: ['held'], actors: ['system'], to: () => 'expired' },
  money_recorded: { from: BOOKING_STATUSES, actors: ['system'], to: (s) => s.status },
};

/**
 * The one place that decides whether a booking may move, and where to. The caller has already
 * established that the actor is a party to the booking.
 */
export function decideTransition(
  subject: TransitionSubject,
  action: TransitionAction,
  actor: BookingActor,
  now: Date,
): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(subject.status) || !rule.actors.includes(actor)) {
    return fail(
      BookingErrorCode.TransitionNotAllowed,
      `A ${subject.status.replaceAll('_', ' ')} booking cannot be ${pastTense(action)} by the ${actor}.`,
    );
  }
  const refused = rule.guard?.(subject, now);
  if (refused) return refused;
  return { ok: true, to: rule.to(subject, actor) };
}

/** The actions the actor could take right now (for buttons in the client). */
export function allowedActions(
  subject: TransitionSubject,
  actor: BookingActor,
  now: Date,
): BookingAction[] {
  return BOOKING_ACTIONS.filter((action) => decideTransition(subject, action, actor, now).ok);
}

/** True while a booking keeps others from taking its time. */
export function blocksTime(status: BookingStatus, holdExpiresAt: Date | null, now: Date): boolean {
  if (!(ACTIVE_BOOKING_STATUSES as readonly string[]).includes(status)) return false;
  return status !== 'held' || (holdExpiresAt !== null && holdExpiresAt > now);
}

function pastTense(action: TransitionAction): string {
  const words: Record<TransitionAction, string> = {
    confirm: 'confirmed',
    approve: 'approved',
    decline: 'declined',
    cancel: 'cancelled',
    reschedule: 'rescheduled',
    complete: 'completed',
    no_show: 'marked as a no-show',
    expire: 'expired',
    deliver: 'delivered',
    payment_received: 'paid for',
    payment_processing: 'paid for with a delayed method',
    payment_failed: 'failed',
    money_recorded: 'given a payment',
  };
  return words[action];
}
