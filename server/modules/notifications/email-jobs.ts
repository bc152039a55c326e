import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { BookingAccessService } from '../bookings/booking-access.service';
import { emailsForEvent, remindersFor } from './domain/email-plan';
import { EmailComposer } from './email-composer';
import { OutboxService } from './outbox.service';
import type { JobState, ScheduledJobDefinition } from './scheduled-job.types';

/**
 * Audit events may commit slightly out of order (each carries the time its request began), so
 * every run looks this far behind its cursor; the unique key per email makes re-reading free.
 */
export const EVENT_LOOKBACK_MS = 10 * 60_000;
const BATCH = 200;

/** Emails caused by booking and gallery changes, read from the audit trail after a cursor. */
@Injectable()
export class BookingEmailsJob implements ScheduledJobDefinition {
  readonly name = 'booking-emails';
  private readonly logger = new Logger(BookingEmailsJob.name);

  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: OutboxService,
    private readonly composer: EmailComposer,
  ) {}

  async run(state: JobState, now: Date): Promise<Partial<JobState>> {
    let cursor = state.cursorAt ?? now;
    let from = new Date(cursor.getTime() - EVENT_LOOKBACK_MS);
    let sent = 0;
    for (;;) {
      const events = await this.audit.since(from, BATCH);
      for (const event of events) {
        const planned = await this.outbox.unsent(emailsForEvent(event));
        for (const email of planned) {
          const mail = await this.composer.compose(email, event.details ?? {}, now);
          if (mail && (await this.outbox.send(email, mail, now))) sent += 1;
        }
        if (event.at > cursor) cursor = event.at;
      }
      const last = events[events.length - 1]?.at;
      if (events.length < BATCH || !last || last.getTime() === from.getTime()) break;
      // A full batch: continue from its last instant (those events are re-read, harmlessly).
      from = last;
    }
    await this.outbox.retryFailed(now);
    if (sent > 0) this.logger.log(`Sent ${sent} booking email(s)`);
    return { cursorAt: cursor };
  }
}

/** The 24-hour reminder: a scan of sessions starting within the next day. */
@Injectable()
export class SessionRemindersJob implements ScheduledJobDefinition {
  readonly name = 'session-reminders';

  constructor(
    private readonly bookings: BookingAccessService,
    private readonly outbox: OutboxService,
    private readonly composer: EmailComposer,
  ) {}

  async run(_: JobState, now: Date): Promise<Partial<JobState>> {
    const until = new Date(now.getTime() + 24 * 3_600_000);
    for (const booking of await this.bookings.startingBetween(now, until)) {
      for (const email of await this.outbox.unsent(remindersFor(booking, now))) {
        const mail = await this.composer.compose(email, {}, now);
        if (mail) await this.outbox.send(email, mail, now);
      }
    }
    return {};
  }
}
