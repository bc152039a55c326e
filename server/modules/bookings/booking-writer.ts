import type { EntityManager } from 'typeorm';
import {
  type BookingStatus,
  CLOSED_BOOKING_STATUSES,
} from '../../../shared/bookings/bookings.types';
import type { ClientBookingLimits } from '../../config/app-config';
import type { AuditLog, NewAuditEvent } from '../audit/audit-log.service';
import { Booking } from './booking.entity';
import { BookingError } from './bookings.errors';
import { DraftCredit } from './draft-credit.entity';

export type { NewAuditEvent } from '../audit/audit-log.service';

export interface BookingChange {
  id: string;
  /** The status the decision was based on; the change applies only if it still holds. */
  from: BookingStatus;
  patch: Partial<Booking>;
  event: NewAuditEvent;
  /** True when the blocked range moves (reschedule): the no-overlap rule applies again. */
  movesRange: boolean;
}

/** What one client already has: unexpired holds, and upcoming bookings with this photographer. */
export interface ClientLoad {
  activeHolds: number;
  withPhotographer: number;
}

/** TOO_MANY_HOLDS or TOO_MANY_BOOKINGS_WITH_PHOTOGRAPHER when one more would pass a limit. */
export function assertWithinLimits(load: ClientLoad, limits: ClientBookingLimits): void {
  if (load.activeHolds >= limits.maxActiveHolds)
    throw BookingError.tooManyHolds(limits.maxActiveHolds);
  if (load.withPhotographer >= limits.maxPerPhotographer)
    throw BookingError.tooManyWithPhotographer(limits.maxPerPhotographer);
}

/** Bookings that count against a client: unexpired holds, requests and confirmed sessions. */
export const CLIENT_LOAD_SQL = (p: (name: 'client' | 'now' | 'photographer') => string) => `
  SELECT
    SUM(CASE WHEN status = 'held' AND hold_expires_at > ${p('now')} THEN 1 ELSE 0 END) AS "activeHolds",
    SUM(CASE WHEN photographer_id = ${p('photographer')} AND starts_at > ${p('now')}
              AND (status <> 'held' OR hold_expires_at > ${p('now')}) THEN 1 ELSE 0 END) AS "withPhotographer"
  FROM bookings
  WHERE client_id = ${p('client')} AND status IN ('held', 'requested', 'confirmed', 'rescheduled')`;

/**
 * Every booking write, each in one transaction with its audit events. The two engines keep
 * "no two active bookings of a photographer overlap" in different ways:
 *
 * - PostgreSQL (`PostgresBookingWriter`): the exclusion constraint `ex_bookings_no_overlap`
 *   refuses the row (23P01).
 * - SQLite (`SqliteBookingWriter`): the overlap check and the write run in one `BEGIN IMMEDIATE` transaction, which
 *   takes the database's write lock before the check, so no other writer (another request, or
 *   another process on the same file) can slip in between.
 *
 * On both, lapsed holds in the way are first marked expired (with an audit event), so an
 * unpaid hold never blocks anyone once its window has passed.
 *
 * A draft credit is inserted with its booking (its UNIQUE payment id refuses a second use:
 * CREDIT_ALREADY_USED) and deleted with any change to a status in CLOSED_BOOKING_STATUSES, in the same
 * transaction, so the client can use it again.
 */
export abstract class BookingWriter {
  constructor(protected readonly audit: AuditLog) {}

  /**
   * Inserts a new booking (and its draft credit), or throws SLOT_TAKEN / CREDIT_ALREADY_USED,
   * or TOO_MANY_HOLDS / TOO_MANY_BOOKINGS_WITH_PHOTOGRAPHER when the client is at a limit
   * (counted in the same transaction, one client's holds one after another).
   */
  abstract insert(
    booking: Booking,
    event: NewAuditEvent,
    now: Date,
    credit?: DraftCredit | null,
  ): Promise<void>;

  /** Applies a state change; false when the booking had already moved on. */
  abstract apply(change: BookingChange, now: Date): Promise<boolean>;

  /**
   * Applies a change that keeps the booking's range inside the caller's transaction (the
   * provider's money events arrive in the webhook's). Nothing can start to overlap, so both
   * engines take the same path. False when the booking had already moved on.
   */
  async applyWithin(manager: EntityManager, change: BookingChange, now: Date): Promise<boolean> {
    if (change.movesRange)
      throw new Error('A change that moves the range needs its own transaction');
    return this.writeIn(manager, change, now);
  }

  /** The conditional update, the credit it releases and its audit event, on `manager`. */
  protected async writeIn(
    manager: EntityManager,
    change: BookingChange,
    now: Date,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Booking)
      .set(change.patch)
      .where('id = :id AND status = :from', { id: change.id, from: change.from })
      .execute();
    if (!result.affected) return false;
    if (releasesCredit(change.patch.status)) {
      await manager.delete(DraftCredit, { bookingId: change.id });
    }
    await this.audit.append(manager, { type: 'booking', id: change.id }, change.event, now);
    return true;
  }
}

export const EXPIRE_EVENT: NewAuditEvent = {
  action: 'expire',
  fromStatus: 'held',
  toStatus: 'expired',
  actorId: null,
  actorRole: 'system',
  details: { reason: 'The hold lapsed before checkout' },
};

export function releasesCredit(status: BookingStatus | undefined): boolean {
  return status !== undefined && CLOSED_BOOKING_STATUSES.includes(status);
}
