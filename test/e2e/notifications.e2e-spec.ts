import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { UploadResultDto } from '../../shared/gallery/gallery.types';
import type { OutboxMessageDto } from '../../shared/notifications/notifications.types';
import { createApp } from '../../server/bootstrap';
import { ScheduledJobsService } from '../../server/modules/notifications/scheduled-jobs.service';
import { ScheduledJob } from '../../server/modules/scheduling/scheduled-job.entity';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import {
  aCompletedBooking,
  aConfirmedBooking,
  aFinalJpeg,
  aProofJpeg,
} from '../support/gallery-fixtures';
import {
  aListedPhotographer,
  anAvailability,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;

/** "Tuesday 14 May 2030, 10:00" in a zone, as the emails write it. */
function wallClock(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value;
  return `${p('weekday')} ${p('day')} ${p('month')} ${p('year')}, ${p('hour')}:${p('minute')}`;
}

describe('notifications: booking and delivery emails in the outbox (e2e)', () => {
  let t: TestApp;
  let server: App;
  let admin: SignedIn;
  let studio: ListedPhotographer;
  let client: SignedIn;

  const runJobs = () => t.app.get(ScheduledJobsService).runAll();
  const post = (who: SignedIn, url: string, body?: object) =>
    request(server).post(url).set(writeHeaders(who)).send(body);
  async function outboxOf(bookingId: string): Promise<OutboxMessageDto[]> {
    const res = await request(server)
      .get('/api/admin/outbox')
      .query({ bookingId, pageSize: 100 })
      .set('Cookie', admin.cookie.join('; '))
      .expect(200);
    return (res.body.items as OutboxMessageDto[]).reverse();
  }
  const kinds = (messages: OutboxMessageDto[]) =>
    messages
      .map(
        (m) => `${m.kind}→${m.toAddress === client.session.user.email ? 'client' : 'photographer'}`,
      )
      .sort();

  beforeAll(async () => {
    t = await startTestApp({ ...BOOKING_TEST_ENV, NOTIFICATIONS_INTERVAL_SECONDS: '0' });
    server = t.app.getHttpServer() as App;
    admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin, {
      pkg: { includedImages: 1, extraImagePriceCents: 3_000 },
    });
    client = await signUp(server, { role: 'client' });
  });
  afterAll(() => t.close());

  it("writes a client's emails in the zone their browser sent with the booking", async () => {
    const from = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, { from });
    const held = await request(server)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({
        packageId: studio.packageId,
        startsAt: slots.at(-1),
        clientTimeZone: 'America/New_York',
      })
      .expect(201);
    await request(server)
      .post(`/api/bookings/${held.body.id}/confirm`)
      .set(writeHeaders(client))
      .expect(200);
    await runJobs();
    const messages = await outboxOf(held.body.id);
    const toClient = messages.find((m) => m.toAddress === client.session.user.email)!;
    const toStudio = messages.find((m) => m.toAddress !== client.session.user.email)!;
    expect(toClient.text).toContain(
      `${wallClock(held.body.startsAt, 'America/New_York')} (America/New_York, `,
    );
    expect(toClient.text).toContain('your time');
    expect(toStudio.text).toContain(
      `${wallClock(held.body.startsAt, 'Europe/Berlin')} (Europe/Berlin, `,
    );

    const bad = await request(server)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({
        packageId: studio.packageId,
        startsAt: slots.at(-2),
        clientTimeZone: 'Mars/Olympus_Mons',
      })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('confirms a booking to both people with the calendar file, the time in the studio zone, as .eml files', async () => {
    const booking = await aConfirmedBooking(t, studio, client);
    await runJobs();
    const messages = await outboxOf(booking.id);
    expect(kinds(messages)).toEqual(['booking_confirmed→client', 'booking_confirmed→photographer']);
    const toClient = messages.find((m) => m.toAddress === client.session.user.email)!;
    expect(toClient.status).toBe('sent');
    expect(toClient.text).toContain(
      `${wallClock(booking.startsAt, 'Europe/Berlin')} (Europe/Berlin, `,
    );
    expect(toClient.text).toContain('studio time');

    const file = path.join(t.config.mail.outboxDir, toClient.location!);
    expect(existsSync(file)).toBe(true);
    const eml = readFileSync(file, 'utf8');
    // Read back by an independent parser (mailparser), as a mail program would.
    const parsed = await simpleParser(eml);
    const to = [parsed.to ?? []].flat().flatMap((g) => g.value);
    expect(to).toEqual([
      expect.objectContaining({
        name: client.session.user.name,
        address: client.session.user.email,
      }),
    ]);
    expect(eml).toMatch(/Content-Type: multipart\/mixed/);
    expect(eml.indexOf('Content-Type: text/plain')).toBeLessThan(
      eml.indexOf('Content-Type: text/html'),
    );
    expect(parsed.text).toContain('studio time');
    const ics = parsed.attachments.find((a) => a.filename === 'lensbridge-session.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toContain(
      `DTSTART:${booking.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`,
    );

    const raw = await request(server)
      .get(toClient.rawUrl)
      .set('Cookie', admin.cookie.join('; '))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(raw.headers['content-type']).toContain('message/rfc822');
    expect(raw.body).toBe(eml);
  });

  it('never sends an email twice: not on a second run, not after losing the cursor, not from a second server', async () => {
    const booking = await aConfirmedBooking(t, studio, client);
    await runJobs();
    await runJobs();
    expect(await outboxOf(booking.id)).toHaveLength(2);

    // The cursor is lost (or a restart resumes from long ago): events are read again, sent never.
    await t.app
      .get(DataSource)
      .getRepository(ScheduledJob)
      .update({ name: 'booking-emails' }, { cursorAt: new Date(Date.now() - HOUR) });
    await runJobs();
    // A second server process on the same database runs the same jobs.
    const second = await createApp(t.config);
    await second.init();
    try {
      await Promise.all([second.get(ScheduledJobsService).runAll(), runJobs()]);
    } finally {
      await second.close();
    }
    expect(await outboxOf(booking.id)).toHaveLength(2);
  });

  it('reminds both people once, 24 hours ahead, with the local time', async () => {
    const booking = await aConfirmedBooking(t, studio, client);
    const startsAt = new Date(booking.startsAt);
    await runJobs();
    expect((await outboxOf(booking.id)).filter((m) => m.kind === 'session_reminder')).toEqual([]);
    // A day later: 20 hours and 7 minutes before the session.
    t.clock.travelTo(new Date(startsAt.getTime() - 20 * HOUR - 7 * 60_000));
    try {
      await runJobs();
      await runJobs();
    } finally {
      t.clock.reset();
    }
    const reminders = (await outboxOf(booking.id)).filter((m) => m.kind === 'session_reminder');
    expect(kinds(reminders)).toEqual(['session_reminder→client', 'session_reminder→photographer']);
    expect(reminders[0]!.subject).toMatch(/^Tomorrow: /);
    expect(reminders[0]!.text).toContain(wallClock(startsAt.toISOString(), 'Europe/Berlin'));
  });

  it('tells both people about a cancellation', async () => {
    const booking = await aConfirmedBooking(t, studio, client);
    await post(client, `/api/bookings/${booking.id}/cancel`).expect(200);
    await runJobs();
    const cancelled = (await outboxOf(booking.id)).filter((m) => m.kind === 'booking_cancelled');
    expect(kinds(cancelled)).toEqual([
      'booking_cancelled→client',
      'booking_cancelled→photographer',
    ]);
    expect(cancelled[0]!.subject).toMatch(/^Cancelled: /);
  });

  it('announces each delivery step to the right person', async () => {
    const booking: BookingDto = await aCompletedBooking(t, studio, client, { daysAgo: 2 });
    const upload = await request(server)
      .post(`/api/bookings/${booking.id}/gallery/proofs`)
      .set(writeHeaders(studio.who))
      .attach('images', await aProofJpeg(0), 'IMG_1.jpg')
      .attach('images', await aProofJpeg(1), 'IMG_2.jpg')
      .expect(201);
    const ids = (upload.body as UploadResultDto).accepted.map((a) => a.id);
    await post(studio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(200);
    await post(client, `/api/bookings/${booking.id}/gallery/selection`, {
      imageIds: ids,
      acceptExtraCharge: true,
    }).expect(200);
    for (const [i, id] of ids.entries()) {
      await request(server)
        .post(`/api/bookings/${booking.id}/gallery/finals`)
        .set(writeHeaders(studio.who))
        .field('proofId', id)
        .attach('image', await aFinalJpeg(i), `final-${i}.jpg`)
        .expect(201);
    }
    await post(studio.who, `/api/bookings/${booking.id}/gallery/deliver`).expect(200);
    await post(client, `/api/bookings/${booking.id}/review`, {
      rating: 5,
      text: 'Wonderful light and patience.',
    }).expect(201);
    await runJobs();

    const messages = (await outboxOf(booking.id)).filter((m) => m.kind !== 'booking_confirmed');
    expect(kinds(messages)).toEqual([
      'finals_delivered→client',
      'proofs_ready→client',
      'review_posted→photographer',
      'review_request→client',
      'selection_submitted→photographer',
    ]);
    const selection = messages.find((m) => m.kind === 'selection_submitted')!;
    expect(selection.text).toContain(
      '1 of them are beyond the 1 included: €30.00 (1 extra photo: €30.00 due at the studio',
    );
    const delivered = messages.find((m) => m.kind === 'finals_delivered')!;
    expect(delivered.text).toContain(`/app/deliveries/${booking.id}/download`);
  });

  it('tells an approval-mode photographer of a request and the client of a decline', async () => {
    const approving = await aListedPhotographer(server, admin, {
      availability: { policy: { ...anAvailability().policy, bookingMode: 'approval' } },
    });
    const from = new Date(Date.now() + 5 * 24 * HOUR).toISOString();
    const { slots } = await freeSlots(server, approving.profile.id, approving.packageId, { from });
    const held = await post(client, '/api/bookings', {
      packageId: approving.packageId,
      startsAt: slots[0],
    }).expect(201);
    await post(client, `/api/bookings/${held.body.id}/confirm`).expect(200);
    await runJobs();
    const requested = await outboxOf(held.body.id);
    expect(kinds(requested)).toEqual(['booking_requested→photographer']);
    expect(requested[0].subject).toContain('New request');
    expect(requested[0].toAddress).toBe(approving.who.session.user.email);

    await post(approving.who, `/api/bookings/${held.body.id}/decline`, {
      reason: 'I am away at a wedding that weekend.',
    }).expect(200);
    await runJobs();
    const declined = (await outboxOf(held.body.id)).filter((m) => m.kind === 'booking_declined');
    expect(kinds(declined)).toEqual(['booking_declined→client']);
    expect(declined[0].text).toContain('Nothing was charged');
    expect(declined[0].text).toContain('I am away at a wedding that weekend.');
    // The client reads the reason on the booking too.
    const seen = await request(server)
      .get(`/api/bookings/${held.body.id}/events`)
      .set('Cookie', client.cookie.join('; '))
      .expect(200);
    expect(seen.body.at(-1)).toMatchObject({
      action: 'decline',
      reason: 'I am away at a wedding that weekend.',
    });
  });

  it('sends nothing when a client lets go of a hold they never confirmed', async () => {
    const from = new Date(Date.now() + 6 * 24 * HOUR).toISOString();
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, { from });
    const held = await post(client, '/api/bookings', {
      packageId: studio.packageId,
      startsAt: slots[0],
    }).expect(201);
    await post(client, `/api/bookings/${held.body.id}/cancel`).expect(200);
    await runJobs();
    expect(await outboxOf(held.body.id)).toEqual([]);
  });

  it('shows the outbox to admins only', async () => {
    await request(server)
      .get('/api/admin/outbox')
      .set('Cookie', client.cookie.join('; '))
      .expect(403);
    await request(server).get('/api/admin/outbox').expect(401);
  });
});
