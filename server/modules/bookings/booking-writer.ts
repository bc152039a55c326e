import type { Database } from 'better-sqlite3';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import {
  ACTIVE_BOOKING_STATUSES,
  type BookingStatus,
  CLOSED_BOOKING_STATUSES,
} from '../../../shared/bookings/bookings.types';
import type { ClientBookingLimits } from '../../config/app-config';
import { isUniqueViolation } from '../../database/database-errors';
import { type AuditLog, type NewAuditEvent } from '../audit/audit-log.service';
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

/**
 * Every booking write, each in one transaction with its audit events. The two engines keep
 * "no two active bookings of a photographer overlap" in different ways:
 *
 * - PostgreSQL: the exclusion constraint `ex_bookings_no_overlap` refuses the row (23P01).
 * - SQLite: the overlap check and the write run in one `BEGIN IMMEDIATE` transaction, which
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
const CLIENT_LOAD_SQL = (p: (name: 'client' | 'now' | 'photographer') => string) => `
  SELECT
    SUM(CASE WHEN status = 'held' AND hold_expires_at > ${p('now')} THEN 1 ELSE 0 END) AS "activeHolds",
    SUM(CASE WHEN photographer_id = ${p('photographer')} AND starts_at > ${p('now')}
              AND (status <> 'held' OR hold_expires_at > ${p('now')}) THEN 1 ELSE 0 END) AS "withPhotographer"
  FROM bookings
  WHERE client_id = ${p('client')} AND status IN ('held', 'requested', 'confirmed', 'rescheduled')`;
const POSTGRES_PARAMS = { client: '$1', now: '$2', photographer: '$3' } as const;

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

const EXPIRE_EVENT: NewAuditEvent = {
  action: 'expire',
  fromStatus: 'held',
  toStatus: 'expired',
  actorId: null,
  actorRole: 'system',
  details: { reason: 'The hold lapsed before checkout' },
};

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

export class SqliteBookingWriter extends BookingWriter {
  private readonly db: Database;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: ClientBookingLimits,
    audit: AuditLog,
  ) {
    super(audit);
    this.db = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }

  async insert(
    booking: Booking,
    event: NewAuditEvent,
    now: Date,
    credit?: DraftCredit | null,
  ): Promise<void> {
    await this.immediate(() => {
      const load = this.db.prepare(CLIENT_LOAD_SQL((name) => `@${name}`)).get({
        client: booking.clientId,
        now: this.instant(now),
        photographer: booking.photographerId,
      }) as {
        activeHolds: number | null;
        withPhotographer: number | null;
      };
      assertWithinLimits(
        { activeHolds: load.activeHolds ?? 0, withPhotographer: load.withPhotographer ?? 0 },
        this.limits,
      );
      this.expireLapsedHolds(booking.photographerId, booking, now);
      if (this.overlaps(booking.photographerId, booking, now)) throw BookingError.slotTaken();
      this.insertRow(Booking, booking);
      if (credit) {
        try {
          this.insertRow(DraftCredit, credit);
        } catch (error) {
          // better-sqlite3's own error (not TypeORM's): the unique payment id refused it.
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw BookingError.creditAlreadyUsed();
          }
          throw error;
        }
      }
      this.insertAudit(booking.id, event, now);
    });
  }

  async apply(change: BookingChange, now: Date): Promise<boolean> {
    return this.immediate(() => {
      const current = this.db
        .prepare('SELECT photographer_id AS photographerId FROM bookings WHERE id = ?')
        .get(change.id) as { photographerId: string } | undefined;
      if (!current) return false;
      if (change.movesRange) {
        const range = change.patch as Pick<Booking, 'blockedFrom' | 'blockedUntil'>;
        this.expireLapsedHolds(current.photographerId, range, now);
        if (this.overlaps(current.photographerId, range, now, change.id)) {
          throw BookingError.slotTaken();
        }
      }
      const assignments = this.persistable(Booking, change.patch);
      const result = this.db
        .prepare(
          `UPDATE bookings SET ${assignments.map(([column]) => `"${column}" = ?`).join(', ')}
           WHERE id = ? AND status = ?`,
        )
        .run(...assignments.map(([, value]) => value), change.id, change.from);
      if (result.changes === 0) return false;
      if (releasesCredit(change.patch.status)) this.releaseCredit(change.id);
      this.insertAudit(change.id, change.event, now);
      return true;
    });
  }

  /**
   * Runs `work` synchronously inside BEGIN IMMEDIATE. Synchronous matters: TypeORM shares one
   * better-sqlite3 connection across requests, so nothing else can run on it until we commit.
   * If some other code has a TypeORM transaction open on that connection right now, wait for
   * it to finish rather than nesting inside it.
   */
  private async immediate<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + 10_000;
    while (this.db.inTransaction) {
      if (Date.now() > deadline) throw new Error('SQLite connection stayed inside a transaction');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return this.db.transaction(work).immediate();
  }

  private overlaps(
    photographerId: string,
    range: Pick<Booking, 'blockedFrom' | 'blockedUntil'>,
    now: Date,
    exceptId = '',
  ): boolean {
    const active = ACTIVE_BOOKING_STATUSES.map(() => '?').join(', ');
    const row = this.db
      .prepare(
        `SELECT 1 FROM bookings
         WHERE photographer_id = ? AND id <> ? AND status IN (${active})
           AND (status <> 'held' OR hold_expires_at > ?)
           AND blocked_from < ? AND blocked_until > ?
         LIMIT 1`,
      )
      .get(
        photographerId,
        exceptId,
        ...ACTIVE_BOOKING_STATUSES,
        this.instant(now),
        this.instant(range.blockedUntil),
        this.instant(range.blockedFrom),
      );
    return row !== undefined;
  }

  private expireLapsedHolds(
    photographerId: string,
    range: Pick<Booking, 'blockedFrom' | 'blockedUntil'>,
    now: Date,
  ): void {
    const lapsed = this.db
      .prepare(
        `UPDATE bookings SET status = 'expired', updated_at = ?
         WHERE photographer_id = ? AND status = 'held' AND hold_expires_at <= ?
           AND blocked_from < ? AND blocked_until > ?
         RETURNING id`,
      )
      .all(
        this.instant(now),
        photographerId,
        this.instant(now),
        this.instant(range.blockedUntil),
        this.instant(range.blockedFrom),
      ) as { id: string }[];
    for (const row of lapsed) {
      this.releaseCredit(row.id);
      this.insertAudit(row.id, EXPIRE_EVENT, now);
    }
  }

  /** The audit event, in this writer's own synchronous transaction. */
  private insertAudit(bookingId: string, event: NewAuditEvent, now: Date): void {
    const { target, row } = this.audit.row({ type: 'booking', id: bookingId }, event, now);
    this.insertRow(target, row);
  }

  private releaseCredit(bookingId: string): void {
    this.db.prepare('DELETE FROM draft_credits WHERE booking_id = ?').run(bookingId);
  }

  /** Writes an entity with TypeORM's own value conversions, so TypeORM reads it back as usual. */
  private insertRow<T extends object>(target: new () => T, entity: T): void {
    const values = this.persistable(target, entity);
    this.db
      .prepare(
        `INSERT INTO "${this.dataSource.getMetadata(target).tableName}"
         (${values.map(([column]) => `"${column}"`).join(', ')})
         VALUES (${values.map(() => '?').join(', ')})`,
      )
      .run(...values.map(([, value]) => value));
  }

  private persistable<T extends object>(
    target: new () => T,
    entity: Partial<T>,
  ): [string, unknown][] {
    const metadata = this.dataSource.getMetadata(target);
    return metadata.columns
      .filter((column) => column.propertyName in entity)
      .map((column: ColumnMetadata) => [
        column.databaseName,
        toSqliteValue(
          this.dataSource.driver.preparePersistentValue(column.getEntityValue(entity), column),
        ),
      ]);
  }

  private instant(date: Date): unknown {
    const column = this.dataSource.getMetadata(Booking).findColumnWithPropertyName('startsAt')!;
    return this.dataSource.driver.preparePersistentValue(date, column);
  }
}

function releasesCredit(status: BookingStatus | undefined): boolean {
  return status !== undefined && CLOSED_BOOKING_STATUSES.includes(status);
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
function toSqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
