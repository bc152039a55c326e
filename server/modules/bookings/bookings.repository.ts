import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, In, type Repository } from 'typeorm';
import {
  ACTIVE_BOOKING_STATUSES,
  type BookingStatus,
} from '../../../shared/bookings/bookings.types';
import { AuditLog } from '../audit/audit-log.service';
import type { AuditEntry } from '../audit/audit.types';
import { Booking } from './booking.entity';

/** Reads. Every write goes through BookingWriter, which owns the no-overlap guarantee. */
@Injectable()
export class BookingsRepository {
  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    private readonly audit: AuditLog,
  ) {}

  findById(id: string): Promise<Booking | null> {
    return this.bookings.findOneBy({ id });
  }

  /** Inside another module's transaction: bookings whose brief came from these drafts lose the link. */
  async forgetDrafts(manager: EntityManager, draftIds: string[]): Promise<void> {
    await manager.update(
      Booking,
      { draftId: In(draftIds) },
      { draftId: null, draftVariantId: null },
    );
  }

  page(filter: {
    clientId?: string;
    photographerId?: string;
    status?: BookingStatus;
    statuses?: readonly BookingStatus[];
    page: number;
    pageSize: number;
  }): Promise<[Booking[], number]> {
    const where = {
      ...(filter.clientId ? { clientId: filter.clientId } : {}),
      ...(filter.photographerId ? { photographerId: filter.photographerId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.statuses ? { status: In([...filter.statuses]) } : {}),
    };
    return this.bookings.findAndCount({
      where,
      order: { startsAt: 'ASC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
  }

  /** Blocked ranges of a photographer's bookings that still hold time and meet [from, until). */
  async busyRanges(
    photographerId: string,
    from: Date,
    until: Date,
    now: Date,
    exceptBookingId?: string,
  ): Promise<{ from: Date; until: Date }[]> {
    const query = this.bookings
      .createQueryBuilder('b')
      .select(['b.id', 'b.blockedFrom', 'b.blockedUntil'])
      .where('b.photographer_id = :photographerId', { photographerId })
      .andWhere('b.status IN (:...active)', { active: ACTIVE_BOOKING_STATUSES })
      .andWhere(
        new Brackets((q) =>
          q.where("b.status <> 'held'").orWhere('b.hold_expires_at > :now', { now }),
        ),
      )
      .andWhere('b.blocked_from < :until AND b.blocked_until > :from', { from, until })
      .orderBy('b.blocked_from', 'ASC');
    if (exceptBookingId) query.andWhere('b.id <> :exceptBookingId', { exceptBookingId });
    const rows = await query.getMany();
    return rows.map((row) => ({ from: row.blockedFrom, until: row.blockedUntil }));
  }

  /** Holds whose checkout window has passed but that nothing has marked expired yet. */
  /** Live bookings whose session starts in (from, until]. */
  startingBetween(from: Date, until: Date): Promise<Booking[]> {
    return this.bookings
      .createQueryBuilder('b')
      .where('b.status IN (:...live)', { live: ['confirmed', 'rescheduled'] })
      .andWhere('b.starts_at > :from AND b.starts_at <= :until', { from, until })
      .getMany();
  }

  lapsedHolds(now: Date, limit = 200): Promise<Booking[]> {
    return this.bookings
      .createQueryBuilder('b')
      .where("b.status = 'held' AND b.hold_expires_at <= :now", { now })
      .orderBy('b.hold_expires_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * A photographer's bookings for the calendar feed, ending at or after `from`: every booking
   * that was ever confirmed or requested. Holds that lapsed never appear, nor does a hold the
   * client abandoned by cancelling it before paying (its cancel event starts from `held`).
   */
  forCalendarFeed(photographerId: string, from: Date): Promise<Booking[]> {
    return this.bookings
      .createQueryBuilder('b')
      .where('b.photographer_id = :photographerId', { photographerId })
      .andWhere('b.ends_at >= :from', { from })
      .andWhere("b.status NOT IN ('held', 'expired')")
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.subject_type = 'booking'
          AND e.subject_id = b.id AND e.from_status = 'held' AND e.to_status LIKE 'cancelled%')`,
      )
      .orderBy('b.starts_at', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
  }

  eventsOf(bookingId: string): Promise<AuditEntry[]> {
    return this.audit.history({ type: 'booking', id: bookingId });
  }

  /** Confirmed sessions of a photographer that have not ended by `now`, soonest first. */
  upcomingConfirmed(photographerId: string, now: Date): Promise<Booking[]> {
    return this.bookings
      .createQueryBuilder('b')
      .where('b.photographer_id = :photographerId', { photographerId })
      .andWhere('b.ends_at > :now', { now })
      .andWhere("b.status IN ('confirmed', 'rescheduled')")
      .orderBy('b.starts_at', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
  }
}
