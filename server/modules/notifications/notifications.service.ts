import { Injectable } from '@nestjs/common';
import type { Page } from '../../../shared/admin/admin.types';
import type { OutboxQuery } from '../../../shared/notifications/notifications.schema';
import type { OutboxMessageDto } from '../../../shared/notifications/notifications.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { NotificationsRepository } from './notifications.repository';
import type { OutboxMessage } from './outbox-message.entity';
import { ScheduledJobsService } from './scheduled-jobs.service';

/** The admin's view of the outbox. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly jobs: ScheduledJobsService,
  ) {}

  async list(query: OutboxQuery): Promise<Page<OutboxMessageDto>> {
    const [rows, total] = await this.repository.page(query.page, query.pageSize, query.bookingId);
    return { items: rows.map(toDto), page: query.page, pageSize: query.pageSize, total };
  }

  async raw(id: string): Promise<string> {
    const row = await this.repository.messageById(id);
    if (!row) {
      throw new DomainError('OUTBOX_MESSAGE_NOT_FOUND', ErrorKind.NotFound, 'No such email.');
    }
    return row.raw;
  }

  async runNow(): Promise<{ ran: true }> {
    await this.jobs.runAll(true);
    return { ran: true };
  }
}

function toDto(row: OutboxMessage): OutboxMessageDto {
  return {
    id: row.id,
    kind: row.kind,
    bookingId: row.bookingId,
    toName: row.toName,
    toAddress: row.toAddress,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    location: row.location,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    text: row.textBody,
    rawUrl: `/api/admin/outbox/${row.id}/raw`,
  };
}
