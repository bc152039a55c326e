import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type FeedTokenParam,
  feedTokenParamSchema,
} from '../../../shared/calendar-feeds/calendar-feeds.schema';
import type { CalendarFeedDto } from '../../../shared/calendar-feeds/calendar-feeds.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Public, Roles } from '../../common/auth/decorators';
import { CalendarFeedsService } from './calendar-feeds.service';

/** The photographer's bookings as a calendar other apps subscribe to by URL. */
@ApiTags('calendar-feeds')
@Controller()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @ApiOperation({
    summary: 'Photographer: the secret URL of the bookings calendar feed (made on first request)',
  })
  @Roles('photographer')
  @Get('photographers/me/calendar-feed')
  link(@Auth() auth: AuthContext): Promise<CalendarFeedDto> {
    return this.feeds.linkOf(auth);
  }

  @ApiOperation({ summary: 'Photographer: replace the feed URL; the old one answers 404 at once' })
  @Roles('photographer')
  @HttpCode(200)
  @Post('photographers/me/calendar-feed/rotate')
  rotate(@Auth() auth: AuthContext): Promise<CalendarFeedDto> {
    return this.feeds.rotate(auth);
  }

  @ApiOperation({
    summary: 'The bookings calendar (RFC 5545) behind a feed URL; the token is the credential',
  })
  @ApiProduces('text/calendar')
  @Public()
  @Get('calendar-feeds/:token.ics')
  async file(
    @Param({ schema: feedTokenParamSchema }) params: FeedTokenParam,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.feeds.file(params.token);
    // Set only on success, so errors stay JSON. Express answers 304 when If-None-Match matches.
    response.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
      ETag: file.etag,
    });
    return file.ics;
  }
}
