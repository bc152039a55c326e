import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/database-errors';
import type { PlannedEmail } from './domain/email-plan';
import { composeMail, type MailMessage } from './domain/mail-message';
import { MailGateway } from './mail.gateway';
import { NotificationsRepository } from './notifications.repository';
import { OutboxMessage } from './outbox-message.entity';

const MAX_ATTEMPTS = 5;
const STALE_QUEUED_MS = 5 * 60_000;

export type ComposedMail = Omit<MailMessage, 'from' | 'messageId' | 'date'>;

/** What the outbox row records besides the message: booking emails name their booking. */
export type OutgoingEmail = Pick<PlannedEmail, 'dedupeKey'> & {
  kind: string;
  bookingId: string | null;
};

/**
 * Sends each planned email at most once. The row with the email's unique key is written
 * before the hand-over, so a second attempt (another run, another process) is refused by the
 * database; the hand-over is keyed by the row id, so retrying a failed one cannot duplicate it.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationsRepository,
    private readonly gateway: MailGateway,
  ) {}

  /** Drops the planned emails that were already sent (cheap check before composing). */
  async unsent(planned: PlannedEmail[]): Promise<PlannedEmail[]> {
    const sent = await this.repository.existingKeys(planned.map((p) => p.dedupeKey));
    return planned.filter((p) => !sent.has(p.dedupeKey));
  }

  /** Writes the email under its key and hands it over; false when it had been sent already. */
  async send(planned: OutgoingEmail, mail: ComposedMail, now: Date): Promise<boolean> {
    const id = randomUUID();
    const raw = await composeMail({
      ...mail,
      from: this.config.mail.from,
      messageId: `${id}@lensbridge.local`,
      date: now,
    });
    const row = Object.assign(new OutboxMessage(), {
      id,
      dedupeKey: planned.dedupeKey,
      bookingId: planned.bookingId,
      kind: planned.kind,
      toAddress: mail.to.address,
      toName: mail.to.name.slice(0, 120),
      subject: mail.subject.slice(0, 200),
      textBody: mail.text,
      raw,
      status: 'queued',
      location: null,
      attempts: 0,
      lastError: null,
      createdAt: now,
      sentAt: null,
    } satisfies Partial<OutboxMessage>);
    try {
      await this.repository.insertMessage(row);
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
    await this.handOver(row, now);
    return true;
  }

  /** Failed hand-overs, and queued rows a crash left behind, get another go. */
  async retryFailed(now: Date): Promise<number> {
    const rows = await this.repository.retryable(
      new Date(now.getTime() - STALE_QUEUED_MS),
      MAX_ATTEMPTS,
    );
    for (const row of rows) await this.handOver(row, now);
    return rows.length;
  }

  private async handOver(row: OutboxMessage, now: Date): Promise<void> {
    try {
      const location = await this.gateway.send({ id: row.id, to: row.toAddress, raw: row.raw });
      await this.repository.updateMessage(row.id, {
        status: 'sent',
        location,
        sentAt: now,
        attempts: row.attempts + 1,
        lastError: null,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Email ${row.kind} to ${row.toAddress} not handed over: ${message}`);
      await this.repository.updateMessage(row.id, {
        status: 'failed',
        attempts: row.attempts + 1,
        lastError: message.slice(0, 500),
      });
    }
  }
}
