import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Page } from '../../../shared/admin/admin.types';
import {
  type OutboxMessageParam,
  outboxMessageParamSchema,
  type OutboxQuery,
  outboxQuerySchema,
} from '../../../shared/notifications/notifications.schema';
import type { OutboxMessageDto } from '../../../shared/notifications/notifications.types';
import { Roles } from '../../common/auth/decorators';
import { NotificationsService } from './notifications.service';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({ summary: 'Every email written to the outbox, newest first (admins only)' })
  @Get()
  list(@Query({ schema: outboxQuerySchema }) query: OutboxQuery): Promise<Page<OutboxMessageDto>> {
    return this.notifications.list(query);
  }

  @ApiOperation({ summary: 'One email as an .eml file (RFC 5322)' })
  @ApiProduces('message/rfc822')
  @Get(':id/raw')
  async raw(
    @Param({ schema: outboxMessageParamSchema }) p: OutboxMessageParam,
  ): Promise<StreamableFile> {
    const raw = await this.notifications.raw(p.id);
    return new StreamableFile(Buffer.from(raw), {
      type: 'message/rfc822',
      disposition: `attachment; filename="${p.id}.eml"`,
    });
  }

  @ApiOperation({ summary: 'Run the email jobs now instead of waiting for the timer' })
  @HttpCode(200)
  @Post('run')
  run(): Promise<{ ran: true }> {
    return this.notifications.runNow();
  }
}
