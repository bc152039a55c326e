import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BookingsModule } from '../bookings/bookings.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { AccountMailer } from './account-mailer.service';
import { EmailComposer } from './email-composer';
import { BookingEmailsJob, SessionRemindersJob } from './email-jobs';
import { MailGateway, OutboxFolderMailGateway, SmtpMailGateway } from './mail.gateway';
import { OutboxController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { ScheduledJobsService } from './scheduled-jobs.service';

/**
 * Emails. Booking and gallery emails are driven by the audit trail (no feature calls for them):
 * an outbox job reads events after its cursor, a scan sends 24-hour reminders. Account emails
 * (links, security notices) are sent by `AccountMailer` for the accounts module. Every email is
 * written once under a unique key and handed to the mail gateway (an .eml folder by default).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxMessage]),
    AuditModule,
    BookingsModule,
    PhotographersModule,
    UsersModule,
  ],
  controllers: [OutboxController],
  providers: [
    NotificationsRepository,
    OutboxService,
    EmailComposer,
    BookingEmailsJob,
    SessionRemindersJob,
    ScheduledJobsService,
    NotificationsService,
    AccountMailer,
    {
      provide: MailGateway,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailGateway =>
        config.mail.smtpUrl ? new SmtpMailGateway(config) : new OutboxFolderMailGateway(config),
    },
  ],
  exports: [ScheduledJobsService, AccountMailer],
})
export class NotificationsModule {}
