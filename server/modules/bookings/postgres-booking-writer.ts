import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { ClientBookingLimits } from '../../config/app-config';
import { isUniqueViolation } from '../../database/database-errors';
import type { AuditLog, NewAuditEvent } from '../audit/audit-log.service';
import { Booking } from './booking.entity';
import {
  assertWithinLimits,
  BookingWriter,
  type BookingChange,
  CLIENT_LOAD_SQL,
  EXPIRE_EVENT,
} from './booking-writer';
import { BookingError } from './bookings.errors';
import { DraftCredit } from './draft-credit.entity';

const POSTGRES_PARAMS = { client: '$1', now: '$2', photographer: '$3' } as const;

/** PostgreSQL: the exclusion constraint `ex_bookings_no_overlap` refuses an overlapping row. */
export class PostgresBookingWriter extends BookingWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: ClientBookingLimits,
    audit: AuditLog,
  ) {
    super(audit);
  }

  async insert(
    booking: Booking,
    event: NewAuditEvent,
    now: Date,
    credit?: DraftCredit | null,
  ): Promise<void> {
    await this.withSlotGuard(async (manager) => {
      // One client's new bookings one at a time, so two at once cannot both pass the count.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [booking.clientId]);
      const [load] = (await manager.query(
        CLIENT_LOAD_SQL((name) => POSTGRES_PARAMS[name]),
        [booking.clientId, now, booking.photographerId],
      )) as { activeHolds: string | null; withPhotographer: string | null }[];
      assertWithinLimits(
        {
          activeHolds: Number(load?.activeHolds ?? 0),
          withPhotographer: Number(load?.withPhotographer ?? 0),
        },
        this.limits,
      );
      await this.expireLapsedHoldsIn(manager, booking.photographerId, booking, now);
      await manager.insert(Booking, booking);
      if (credit) await manager.insert(DraftCredit, credit);
      await this.audit.append(manager, { type: 'booking', id: booking.id }, event, now);
    });
  }

  async apply(change: BookingChange, now: Date): Promise<boolean> {
    return this.withSlotGuard(async (manager) => {
      if (change.movesRange) {
        const current = await manager.findOneBy(Booking, { id: change.id });
        if (!current) return false;
        await this.expireLapsedHoldsIn(
          manager,
          current.photographerId,
          { ...current, ...change.patch },
          now,
        );
      }
      // The range is clear now (the exclusion constraint has the last word at commit).
      return this.writeIn(manager, change, now);
    });
  }

  private async withSlotGuard<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === '23P01'
      ) {
        throw BookingError.slotTaken();
      }
      if (
        isUniqueViolation(error) &&
        (error as QueryFailedError<Error & { constraint?: string }>).driverError.constraint ===
          'uq_draft_credits_payment'
      ) {
        throw BookingError.creditAlreadyUsed();
      }
      throw error;
    }
  }

  private async expireLapsedHoldsIn(
    manager: EntityManager,
    photographerId: string,
    range: Pick<Booking, 'blockedFrom' | 'blockedUntil'>,
    now: Date,
  ): Promise<void> {
    const result: [{ id: string }[], number] = await manager.query(
      `UPDATE bookings SET status = 'expired', updated_at = $1
       WHERE photographer_id = $2 AND status = 'held' AND hold_expires_at <= $1
         AND blocked_from < $3 AND blocked_until > $4
       RETURNING id`,
      [now, photographerId, range.blockedUntil, range.blockedFrom],
    );
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected].
    for (const row of result[0]) {
      await manager.delete(DraftCredit, { bookingId: row.id });
      await this.audit.append(manager, { type: 'booking', id: row.id }, EXPIRE_EVENT, now);
    }
  }
}
