import { Injectable } from '@nestjs/common';
import type { AccountDeletedDto, BlockingBookingDto } from '../../../shared/auth/account.types';
import type { BookingDto } from '../../../shared/bookings/bookings.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { AuthError } from '../auth/auth.errors';
import { AuthService } from '../auth/auth.service';
import { BookingsService } from '../bookings/bookings.service';
import { DraftsService } from '../drafts/drafts.service';
import { PortfolioService } from '../photographers/portfolio.service';
import { UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';
import { AccountError } from './accounts.errors';
import { person } from './accounts.service';

/**
 * Deleting an account. Personal data goes (drafts and their photos, sessions, links, the
 * photographer's profile words and portfolio); what others rely on stays, without a name:
 * bookings, the ledger and reviews keep pointing at the user row, now "Former client".
 * Everything that could refuse is checked before anything changes.
 * At six collaborators already, so methods that need the time take `now` from the controller,
 * which reads `Clock`.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly bookings: BookingsService,
    private readonly drafts: DraftsService,
    private readonly portfolio: PortfolioService,
    private readonly links: AccountLinksService,
  ) {}

  async delete(auth: AuthContext, password: string, now: Date): Promise<AccountDeletedDto> {
    const user = await this.users.findById(auth.userId);
    if (!user || user.deletedAt) throw AuthError.unauthenticated('expired');
    if (user.role === 'admin') throw AuthError.forbiddenRole();
    if (!(await this.auth.passwordMatches(user, password))) {
      throw AccountError.passwordIncorrect('password');
    }
    const open = await this.bookings.openBookings(auth);
    const refunds = await this.plannedCancellations(auth, open);

    const cancelledBookings: AccountDeletedDto['cancelledBookings'] = [];
    for (const { booking, refundCents } of refunds) {
      await this.bookings.act(auth, booking.id, 'cancel');
      cancelledBookings.push({ id: booking.id, refundCents, currency: booking.price.currency });
    }
    await this.drafts.removeAllOf(auth);
    if (user.role === 'photographer') await this.portfolio.closeProfileOf(user.id, now);
    const farewell = person(user);
    await this.links.forget(user.id);
    await this.users.anonymise(user, now);
    await this.auth.revokeAllSessions(user.id);
    await this.links.notify('account_deleted', farewell, now);
    return { deleted: true, cancelledBookings };
  }

  /**
   * A photographer cannot leave clients booked with nobody: any open booking refuses. A client's
   * open bookings are cancelled under their policy, unless one can no longer be cancelled.
   */
  private async plannedCancellations(
    auth: AuthContext,
    open: BookingDto[],
  ): Promise<{ booking: BookingDto; refundCents: number }[]> {
    if (auth.role === 'photographer') {
      if (open.length > 0) throw AccountError.hasBookings(open.map(blocking), 'photographer');
      return [];
    }
    const planned: { booking: BookingDto; refundCents: number }[] = [];
    const refused: BookingDto[] = [];
    for (const booking of open) {
      const preview = await this.bookings.cancellationPreview(auth, booking.id);
      if (preview.allowed) planned.push({ booking, refundCents: preview.refundCents });
      else refused.push(booking);
    }
    if (refused.length > 0) throw AccountError.hasBookings(refused.map(blocking), 'client');
    return planned;
  }
}

function blocking(booking: BookingDto): BlockingBookingDto {
  return {
    id: booking.id,
    startsAt: booking.startsAt,
    clientName: booking.client.name,
    status: booking.status,
  };
}
