import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import { Booking } from '../../server/modules/bookings/booking.entity';
import { type SignedIn, writeHeaders } from './accounts';
import { fixture } from './draft-fixtures';
import { freeSlots, type ListedPhotographer } from './photographers';
import type { TestApp } from './test-app';

const HOUR = 3_600_000;
const sources = ['astronaut.png', 'camera.png', 'chelsea.png', 'coffee.png'];

/** A camera JPEG with EXIF and a GPS position (which must never reach a gallery). */
export function aProofJpeg(index = 0): Promise<Buffer> {
  return sharp(fixture(sources[index % sources.length]!))
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'StudioCam', Model: 'R5' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 31/1 12/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 24/1 18/1',
      },
    })
    .toBuffer();
}

/** A retouched final: the proof, a little brighter, as a photographer would export it. */
export function aFinalJpeg(index = 0): Promise<Buffer> {
  return sharp(fixture(sources[index % sources.length]!))
    .modulate({ brightness: 1.05 })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** The first half of a real JPEG: the header reads fine, the pixels do not. */
export async function aTruncatedJpeg(): Promise<Buffer> {
  const whole = await aProofJpeg(1);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

let pastSlot = 0;

/** A confirmed booking for a free slot two days or more ahead (its session has not happened). */
export async function aConfirmedBooking(
  t: TestApp,
  studio: ListedPhotographer,
  client: SignedIn,
): Promise<BookingDto> {
  const server = t.app.getHttpServer() as App;
  const from = new Date(Date.now() + 2 * 24 * HOUR).toISOString();
  const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, { from });
  pastSlot += 1;
  const held = await request(server)
    .post('/api/bookings')
    .set(writeHeaders(client))
    .send({ packageId: studio.packageId, startsAt: slots[(pastSlot * 5) % slots.length] })
    .expect(201);
  const confirmed = await request(server)
    .post(`/api/bookings/${held.body.id}/confirm`)
    .set(writeHeaders(client))
    .expect(200);
  return confirmed.body as BookingDto;
}

/**
 * A booking whose session is over and marked completed: held and confirmed through the API,
 * then moved into the past behind the API's back (completed bookings hold no time, so
 * PostgreSQL's no-overlap rule never objects), then completed by the photographer.
 */
export async function aCompletedBooking(
  t: TestApp,
  studio: ListedPhotographer,
  client: SignedIn,
  options: { daysAgo?: number } = {},
): Promise<BookingDto> {
  const server = t.app.getHttpServer() as App;
  const held = await aConfirmedBooking(t, studio, client);
  const startsAt = new Date(Date.now() - (options.daysAgo ?? 1) * 24 * HOUR - pastSlot * 60_000);
  const endsAt = new Date(startsAt.getTime() + HOUR);
  await t.app
    .get(DataSource)
    .getRepository(Booking)
    .update({ id: held.id }, { startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt });
  const done = await request(server)
    .post(`/api/bookings/${held.id}/complete`)
    .set(writeHeaders(studio.who))
    .expect(200);
  return done.body as BookingDto;
}

/** Collects a binary response body (supertest leaves unknown types unparsed). */
export function binary(
  res: request.Response,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
