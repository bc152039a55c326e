import { Injectable, Logger } from '@nestjs/common';
import type { BookingDto } from '../../../shared/bookings/bookings.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { UsersService } from '../users/users.service';
import type { Booking } from './booking.entity';
import type { BookingRecord } from './bookings.types';
import { BookingWriter } from './booking-writer';
import { BookingError } from './bookings.errors';
import { type BookingParties, toBookingDto } from './bookings.mappers';
import { BookingsRepository } from './bookings.repository';
import type { BookingActor } from './domain/booking-state-machine';

/**
 * Who may see a booking and how it reads: the booking with the caller's part in it (anyone
 * else gets 404, never 403), the caller's scope for lists, and the DTO with both parties'
 * names, loaded in one batch for a whole list. Lapsed holds are expired before anyone reads them.
 */
@Injectable()
export class BookingAccessService {
  private readonly logger = new Logger(BookingAccessService.name);

  constructor(
    private readonly repository: BookingsRepository,
    private readonly writer: BookingWriter,
    private readonly catalog: PhotographerCatalog,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /**
   * The booking and the caller's part in it; anyone else gets 404, never 403. `now`: the
   * caller's instant when it decides at the same moment (the clock's otherwise).
   */
  async load(
    auth: AuthContext,
    id: string,
    now = this.clock.now(),
  ): Promise<{ booking: Booking; actor: BookingActor }> {
    let booking = await this.repository.findById(id);
    if (!booking) throw BookingError.notFound();
    const actor = await this.actorFor(auth, booking);
    if (!actor) throw BookingError.notFound();
    if (booking.status === 'held' && booking.holdExpiresAt && booking.holdExpiresAt <= now) {
      await this.expireLapsedHolds(now);
      booking = (await this.repository.findById(id)) ?? booking;
    }
    return { booking, actor };
  }

  async describe(booking: BookingRecord, actor: BookingActor, now: Date): Promise<BookingDto> {
    const [dto] = await this.describeMany([booking], actor, now);
    return dto!;
  }

  /** A list of bookings as DTOs: their photographers and clients in two queries, not 2 × n. */
  async describeMany(
    bookings: readonly BookingRecord[],
    actor: BookingActor,
    now: Date,
  ): Promise<BookingDto[]> {
    const [profiles, clients] = await Promise.all([
      this.catalog.profilesByIds(bookings.map((b) => b.photographerId)),
      this.users.findByIds(bookings.map((b) => b.clientId)),
    ]);
    const profileOf = new Map(profiles.map((p) => [p.id, p]));
    const clientOf = new Map(clients.map((c) => [c.id, c]));
    return bookings.map((booking) => {
      const profile = profileOf.get(booking.photographerId);
      const parties: BookingParties = {
        photographer: {
          id: booking.photographerId,
          name: profile?.displayName ?? 'Photographer',
          city: profile?.city ?? '',
          studioAddress: profile?.studioAddress ?? null,
        },
        client: { id: booking.clientId, name: clientOf.get(booking.clientId)?.name ?? 'Client' },
      };
      return toBookingDto(booking, parties, actor, now);
    });
  }

  /** The bookings a caller may list: admins all, clients theirs, photographers their studio's. */
  /** Live bookings whose session starts in (from, until] (the reminders' scan). */
  startingBetween(from: Date, until: Date): Promise<BookingRecord[]> {
    return this.repository.startingBetween(from, until);
  }

  async scopeOf(auth: AuthContext): Promise<{ clientId?: string; photographerId?: string }> {
    if (auth.role === 'admin') return {};
    if (auth.role === 'client') return { clientId: auth.userId };
    const profile = await this.catalog.profileOfUser(auth.userId);
    // A photographer without a profile has no bookings; an impossible id matches none.
    return { photographerId: profile?.id ?? '00000000-0000-0000-0000-000000000000' };
  }

  /** Marks every lapsed hold expired, with an audit event each. Called on reads and by a timer. */
  async expireLapsedHolds(now = this.clock.now()): Promise<number> {
    let expired = 0;
    for (const booking of await this.repository.lapsedHolds(now)) {
      const applied = await this.writer.apply(
        {
          id: booking.id,
          from: 'held',
          patch: { status: 'expired', updatedAt: now, sequence: booking.sequence + 1 },
          event: {
            action: 'expire',
            fromStatus: 'held',
            toStatus: 'expired',
            actorId: null,
            actorRole: 'system',
            details: null,
          },
          movesRange: false,
        },
        now,
      );
      if (applied) expired += 1;
    }
    if (expired > 0) this.logger.log(`Expired ${expired} lapsed hold(s)`);
    return expired;
  }

  private async actorFor(auth: AuthContext, booking: Booking): Promise<BookingActor | null> {
    if (auth.role === 'admin') return 'admin';
    if (auth.role === 'client') return booking.clientId === auth.userId ? 'client' : null;
    const profile = await this.catalog.profileOfUser(auth.userId);
    return profile?.id === booking.photographerId ? 'photographer' : null;
  }
}

/** The role a caller lists bookings as. */
export function listActorOf(auth: AuthContext): BookingActor {
  return auth.role === 'admin' ? 'admin' : (auth.role as BookingActor);
}
