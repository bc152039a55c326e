import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { UsersService } from '../users/users.service';
import { CalendarsRepository } from './calendars.repository';

/**
 * A deleted account's connected calendars go with it: addresses, sealed passwords, stored events
 * and busy time (the account row itself stays, anonymised, for the bookings that name it).
 */
@Injectable()
export class CalendarAccountCleanup implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly repository: CalendarsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.users.onAccountDeleted((userId) => this.repository.removeAllOf(userId));
  }
}
