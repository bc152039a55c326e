import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type CalendarIdParam,
  calendarIdParamSchema,
  type ConnectCalendarInput,
  connectCalendarSchema,
} from '../../../shared/calendars/calendars.schema';
import type {
  ExternalCalendarDto,
  ExternalCalendarListDto,
} from '../../../shared/calendars/calendars.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Roles } from '../../common/auth/decorators';
import { CalendarsService } from './calendars.service';

/** The photographer's own calendars, read so that their events block slots. */
@ApiTags('calendars')
@Roles('photographer')
@Controller('photographers/me/calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @ApiOperation({ summary: 'Photographer: connected calendars with their last sync and error' })
  @Get()
  list(@Auth() auth: AuthContext): Promise<ExternalCalendarListDto> {
    return this.calendars.list(auth.userId);
  }

  @ApiOperation({
    summary:
      'Photographer: connect an iCalendar address or a CalDAV account; it is read first and refused (422) when it cannot be',
  })
  @Post()
  connect(
    @Auth() auth: AuthContext,
    @Body({ schema: connectCalendarSchema }) input: ConnectCalendarInput,
  ): Promise<ExternalCalendarDto> {
    return this.calendars.connect(auth.userId, input);
  }

  @ApiOperation({
    summary: 'Photographer: read the calendar now; a failure is reported on the calendar (200)',
  })
  @HttpCode(200)
  @Post(':id/sync')
  sync(
    @Auth() auth: AuthContext,
    @Param({ schema: calendarIdParamSchema }) params: CalendarIdParam,
  ): Promise<ExternalCalendarDto> {
    return this.calendars.syncNow(auth.userId, params.id);
  }

  @ApiOperation({ summary: 'Photographer: stop reading a calendar (its events no longer block)' })
  @HttpCode(204)
  @Delete(':id')
  async disconnect(
    @Auth() auth: AuthContext,
    @Param({ schema: calendarIdParamSchema }) params: CalendarIdParam,
  ): Promise<void> {
    await this.calendars.disconnect(auth.userId, params.id);
  }
}
