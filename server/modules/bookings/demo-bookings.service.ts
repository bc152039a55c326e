import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { BookingAction, BookingStatus } from '../../../shared/bookings/bookings.types';
import { priceBooking } from '../../../shared/bookings/pricing';
import { blockedRange } from '../../../shared/photographers/slots';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { Booking } from './booking.entity';
import { HOLD_MINUTES } from './booking-holds.service';
import { BookingWriter } from './booking-writer';
import { subjectOf } from './bookings.mappers';
import { type BookingActor, decideTransition } from './domain/booking-state-machine';

export interface PastSession {
  clientId: string;
  photographerId: string;
  packageId: string;
  startsAt: Date;
  notes: string;
}

/**
 * Demo data only: a session that already happened, so delivery can be tried at once. The API
 * books only the future, so its history is played through the state machine and BookingWriter
 * at the times it happened (held, confirmed a minute later, completed when it ended), with
 * one audit event each, and no email.
 */
@Injectable()
export class DemoBookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: PhotographerCatalog,
    private readonly writer: BookingWriter,
  ) {}

  /** True once the client has a finished session with this photographer. */
  async hasPastSession(clientId: string, photographerId: string): Promise<boolean> {
    const count = await this.dataSource.getRepository(Booking).countBy({
      clientId,
      photographerId,
      status: In(['completed', 'delivered']),
    });
    return count > 0;
  }

  /** Plays hold → confirm → complete for `session`; answers the booking's id. */
  async recordPastSession(session: PastSession): Promise<string> {
    const { profile, pkg, policy, pricing } = await this.catalog.bookableOffer(
      session.packageId,
      session.photographerId,
    );
    const range = blockedRange(session.startsAt, pkg.durationMinutes, policy);
    const bookedAt = new Date(session.startsAt.getTime() - 9 * 24 * 3_600_000);
    const booking = Object.assign(new Booking(), {
      id: randomUUID(),
      clientId: session.clientId,
      photographerId: profile.id,
      packageId: pkg.id,
      status: 'held',
      ...range,
      holdExpiresAt: new Date(bookedAt.getTime() + HOLD_MINUTES * 60_000),
      timeZone: profile.timeZone,
      clientTimeZone: null,
      price: priceBooking(pricing),
      policy,
      paymentProvider: 'manual',
      paymentStatus: 'not_started',
      amountPaidCents: 0,
      amountRefundedCents: 0,
      payUrl: null,
      notes: session.notes,
      draftId: null,
      draftVariantId: null,
      brief: null,
      sequence: 0,
      createdAt: bookedAt,
      updatedAt: bookedAt,
    } satisfies Partial<Booking>);
    const actorId = (actor: BookingActor) =>
      actor === 'client' ? session.clientId : profile.userId;
    await this.writer.insert(
      booking,
      {
        action: 'hold',
        fromStatus: null,
        toStatus: 'held',
        actorId: session.clientId,
        actorRole: 'client',
        details: null,
      },
      bookedAt,
    );
    const steps: [BookingAction, BookingActor, Date, Partial<Booking>][] = [
      [
        'confirm',
        'client',
        new Date(bookedAt.getTime() + 60_000),
        { holdExpiresAt: null, paymentStatus: 'due_at_studio' },
      ],
      ['complete', 'photographer', booking.endsAt, {}],
    ];
    let current: Booking = booking;
    for (const [action, actor, at, patch] of steps) {
      const decision = decideTransition(subjectOf(current), action, actor, at);
      if (!decision.ok) throw new Error(`Demo session: ${decision.message}`);
      const next: Partial<Booking> = {
        ...patch,
        status: decision.to as BookingStatus,
        sequence: current.sequence + 1,
        updatedAt: at,
      };
      await this.writer.apply(
        {
          id: booking.id,
          from: current.status,
          patch: next,
          event: {
            action,
            fromStatus: current.status,
            toStatus: decision.to,
            actorId: actorId(actor),
            actorRole: actor,
            details: null,
          },
          movesRange: false,
        },
        at,
      );
      current = Object.assign(new Booking(), current, next);
    }
    return booking.id;
  }
}
