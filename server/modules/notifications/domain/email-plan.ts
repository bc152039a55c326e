/** Every email Lensbridge sends. */
export const EMAIL_KINDS = [
  'booking_confirmed',
  'booking_requested',
  'booking_declined',
  'booking_rescheduled',
  'booking_cancelled',
  'balance_pay_link',
  'late_payment_refunded',
  'payment_failed',
  'session_reminder',
  'proofs_ready',
  'selection_submitted',
  'finals_delivered',
  'review_request',
  'review_posted',
  'calendar_conflict',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export type Recipient = 'client' | 'photographer';

/** The parts of an audit event that decide which emails it causes. */
export interface AuditFact {
  id: string;
  subjectType: string;
  subjectId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
}

export interface PlannedEmail {
  kind: EmailKind;
  to: Recipient;
  bookingId: string;
  /** Unique per email ever sent: the outbox refuses a second row with the same key. */
  dedupeKey: string;
}

const both: Recipient[] = ['client', 'photographer'];

/**
 * Which emails an audit event causes. One per (booking, kind, recipient); a reschedule can
 * happen more than once, so its key also names the event.
 */
export function emailsForEvent(event: AuditFact): PlannedEmail[] {
  const plan = (kind: EmailKind, to: Recipient[], suffix = ''): PlannedEmail[] =>
    to.map((recipient) => ({
      kind,
      to: recipient,
      bookingId: event.subjectId,
      dedupeKey: `${event.subjectId}:${kind}${suffix}:${recipient}`,
    }));
  if (event.subjectType === 'booking') {
    if (
      event.toStatus === 'confirmed' &&
      (event.action === 'confirm' ||
        event.action === 'approve' ||
        // Online payments confirm a held booking themselves.
        event.action === 'payment_received')
    ) {
      return plan('booking_confirmed', both);
    }
    // Approval mode: the photographer learns of a request; the client, of a decline.
    if (event.action === 'confirm' && event.toStatus === 'requested') {
      return plan('booking_requested', ['photographer']);
    }
    if (event.action === 'decline') return plan('booking_declined', ['client']);
    if (event.action === 'balance_needs_authentication') {
      return plan('balance_pay_link', ['client'], `:${event.id}`);
    }
    if (event.action === 'late_payment') return plan('late_payment_refunded', ['client']);
    if (event.action === 'payment_failed') return plan('payment_failed', ['client']);
    if (event.action === 'reschedule') return plan('booking_rescheduled', both, `:${event.id}`);
    // An event of the photographer's own calendar found over this booking (issue #15).
    if (event.action === 'calendar_conflict') {
      return plan('calendar_conflict', ['photographer'], `:${event.id}`);
    }
    // A hold released before it was ever confirmed is not a booking anyone was told of.
    if (event.action === 'cancel' && event.fromStatus !== 'held') {
      return plan('booking_cancelled', both);
    }
    if (event.action === 'deliver') {
      return [...plan('finals_delivered', ['client']), ...plan('review_request', ['client'])];
    }
    return [];
  }
  if (event.subjectType === 'gallery') {
    if (event.action === 'publish_proofs') return plan('proofs_ready', ['client']);
    if (event.action === 'submit_selection') return plan('selection_submitted', ['photographer']);
    if (event.action === 'post_review') return plan('review_posted', ['photographer']);
  }
  return [];
}

export interface ReminderCandidate {
  id: string;
  status: string;
  startsAt: Date;
  createdAt: Date;
}

export const REMINDER_HOURS = 24;

/**
 * A reminder goes out once the session is less than 24 hours away, for a confirmed or
 * rescheduled booking that was made more than 24 hours before its start (otherwise the
 * confirmation has only just arrived). A moved session gets a new reminder for its new time.
 */
export function remindersFor(booking: ReminderCandidate, now: Date): PlannedEmail[] {
  const window = REMINDER_HOURS * 3_600_000;
  const live = booking.status === 'confirmed' || booking.status === 'rescheduled';
  const untilStart = booking.startsAt.getTime() - now.getTime();
  const bookedEarly = booking.startsAt.getTime() - booking.createdAt.getTime() > window;
  if (!live || untilStart <= 0 || untilStart > window || !bookedEarly) return [];
  return both.map((to) => ({
    kind: 'session_reminder',
    to,
    bookingId: booking.id,
    dedupeKey: `${booking.id}:session_reminder:${booking.startsAt.toISOString()}:${to}`,
  }));
}
