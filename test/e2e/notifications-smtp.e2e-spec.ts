import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { App } from 'supertest/types';
import { ScheduledJobsService } from '../../server/modules/notifications/scheduled-jobs.service';
import { signUp } from '../support/accounts';
import { aConfirmedBooking } from '../support/gallery-fixtures';
import { aListedPhotographer, BOOKING_TEST_ENV, signInAdmin } from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback (the smtp-server package) that keeps what it is given. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, port, received };
}

describe('notifications over SMTP (e2e)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      ...BOOKING_TEST_ENV,
      NOTIFICATIONS_INTERVAL_SECONDS: '0',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Lensbridge <bookings@lensbridge.test>',
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('hands each email to the SMTP server once, with the calendar file, and keeps a copy', async () => {
    const server = t.app.getHttpServer() as App;
    const studio = await aListedPhotographer(server, await signInAdmin(server));
    const client = await signUp(server, { role: 'client' });
    await aConfirmedBooking(t, studio, client);

    await t.app.get(ScheduledJobsService).runAll();
    await t.app.get(ScheduledJobsService).runAll();

    // Booking emails (the sign-up's verification link went there before).
    const toClient = smtp.received.filter(
      (m) =>
        m.to.includes(client.session.user.email) &&
        !/^Subject: Confirm your email address/m.test(m.raw),
    );
    expect(toClient).toHaveLength(1);
    expect(toClient[0]!.from).toBe('bookings@lensbridge.test');
    expect(toClient[0]!.raw).toMatch(/^Subject: Confirmed: your session with /m);
    const parsed = await simpleParser(toClient[0]!.raw);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['lensbridge-session.ics']);
    expect(smtp.received.some((m) => m.to.includes(studio.who.session.user.email))).toBe(true);
    // The admin's outbox still shows what was sent.
    expect(readdirSync(t.config.mail.outboxDir).filter((f) => f.endsWith('.eml'))).toHaveLength(
      smtp.received.length,
    );
  });
});
