import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type AccountEmailKind, renderAccountEmail } from './domain/account-email-templates';
import { OutboxService } from './outbox.service';

export interface AccountEmail {
  kind: AccountEmailKind;
  to: { name: string; address: string };
  /** Site path with its query (`/reset-password?token=…`), made absolute with PUBLIC_URL. */
  linkPath?: string;
  newEmail?: string;
  /** Unique per email; defaults to a fresh one (notices may repeat). */
  dedupeKey?: string;
}

/** Sends emails about an account (links and security notices) through the outbox. */
@Injectable()
export class AccountMailer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  async send(email: AccountEmail, now: Date): Promise<boolean> {
    const rendered = renderAccountEmail({
      kind: email.kind,
      recipientName: email.to.name,
      link: email.linkPath ? `${this.config.publicUrl}${email.linkPath}` : undefined,
      newEmail: email.newEmail,
      siteUrl: this.config.publicUrl,
    });
    return this.outbox.send(
      {
        kind: email.kind,
        bookingId: null,
        dedupeKey: email.dedupeKey ?? `account:${email.kind}:${randomUUID()}`,
      },
      {
        to: email.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        attachments: [],
      },
      now,
    );
  }
}
