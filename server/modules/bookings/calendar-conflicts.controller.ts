import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CalendarConflictsDto } from '../../../shared/calendars/calendars.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Roles } from '../../common/auth/decorators';
import { BookingCalendarConflicts } from './booking-calendar-conflicts.service';

@ApiTags('calendars')
@Controller('photographers/me/calendar-conflicts')
export class CalendarConflictsController {
  constructor(private readonly conflicts: BookingCalendarConflicts) {}

  @ApiOperation({
    summary:
      'Photographer: upcoming confirmed bookings that an event of a connected calendar overlaps',
  })
  @Roles('photographer')
  @Get()
  async list(@Auth() auth: AuthContext): Promise<CalendarConflictsDto> {
    return { bookings: await this.conflicts.current(auth.userId) };
  }
}
