import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export interface OutgoingMail {
  /** Stable per message (the outbox row id): handing the same message over twice is harmless. */
  id: string;
  to: string;
  /** The complete RFC 5322 message. */
  raw: string;
}

/**
 * The email port. The embedded default writes each message as an `.eml` file into the outbox
 * folder (open it with any mail program); with `SMTP_URL` the SMTP adapter below also hands the
 * same raw message to that server.
 */
export abstract class MailGateway {
  abstract readonly name: string;
  /** Hands the message over; returns where it went (file name, or the server's id). */
  abstract send(mail: OutgoingMail): Promise<string>;
  /** The message as it was handed over, when the transport keeps a copy. */
  abstract read(location: string): Promise<string | null>;
}

@Injectable()
export class OutboxFolderMailGateway extends MailGateway {
  readonly name: string = 'outbox-folder';
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.dir = config.mail.outboxDir;
  }

  async send(mail: OutgoingMail): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = `${mail.id}.eml`;
    const file = path.join(this.dir, name);
    // Written under a temporary name and renamed: a reader never sees half a message, and a
    // retry of the same message replaces the file instead of adding a second one.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, mail.raw, 'utf8');
    await rename(temporary, file);
    return name;
  }

  async read(location: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}\.eml$/.test(location)) return null;
    try {
      return await readFile(path.join(this.dir, location), 'utf8');
    } catch {
      return null;
    }
  }
}

/**
 * SMTP (when `SMTP_URL` is set), through nodemailer: the same raw RFC 5322 message is handed to
 * the server, and a copy is kept in the outbox folder so admins can still read what was sent.
 * The only file that imports nodemailer.
 */
@Injectable()
export class SmtpMailGateway extends OutboxFolderMailGateway {
  override readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config);
    if (!config.mail.smtpUrl) throw new Error('SmtpMailGateway needs SMTP_URL');
    this.transport = createTransport(config.mail.smtpUrl);
    this.from = addressOf(config.mail.from);
  }

  override async send(mail: OutgoingMail): Promise<string> {
    const copy = await super.send(mail);
    await this.transport.sendMail({ envelope: { from: this.from, to: [mail.to] }, raw: mail.raw });
    return copy;
  }
}

/** `Lensbridge <no-reply@x>` → `no-reply@x`. */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
