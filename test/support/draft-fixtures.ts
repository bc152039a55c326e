import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { DraftDto } from '../../shared/drafts/drafts.types';
import { PROCESSING_NOTICE_VERSION } from '../../shared/drafts/processing-notice';
import { type SignedIn, writeHeaders } from './accounts';

export const fixture = (name: string): Buffer =>
  readFileSync(path.join(__dirname, '..', 'fixtures', name));

const jpeg = (image: sharp.Sharp) => image.jpeg({ quality: 92 }).toBuffer();

/** Photos for the draft studio, each derived in code from the fixtures in test/fixtures. */
export const photos = {
  astronaut: () => jpeg(sharp(fixture('astronaut.png'))),
  /** With camera EXIF and a GPS position that must never reach storage or an output. */
  astronautWithGps: () =>
    sharp(fixture('astronaut.png'))
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneCo', Model: 'Selfie 9' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '48/1 51/1 24/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '2/1 21/1 3/1',
        },
      })
      .toBuffer(),
  rotated15: () => jpeg(sharp(fixture('astronaut.png')).rotate(15, { background: '#8a8a8a' })),
  darkened: () => jpeg(sharp(fixture('astronaut.png')).linear(0.38, 0)),
  blurred: () => jpeg(sharp(fixture('astronaut.png')).blur(3)),
  turned: () => jpeg(sharp(fixture('camera.png')).toColourspace('srgb')),
  coffee: () => jpeg(sharp(fixture('coffee.png'))),
  cat: () => jpeg(sharp(fixture('chelsea.png'))),
  /** The astronaut twice, side by side. */
  twoPeople: async () =>
    jpeg(
      sharp({ create: { width: 1024, height: 512, channels: 3, background: '#777' } }).composite([
        { input: fixture('astronaut.png'), left: 0, top: 0 },
        { input: fixture('astronaut.png'), left: 512, top: 0 },
      ]),
    ),
  /** A face a few dozen pixels tall in a larger frame. */
  tinyFace: async () =>
    jpeg(
      sharp({ create: { width: 640, height: 480, channels: 3, background: '#777' } }).composite([
        { input: await sharp(fixture('astronaut.png')).resize(190).toBuffer(), left: 40, top: 30 },
      ]),
    ),
  textNamedJpg: () =>
    Promise.resolve(Buffer.from('Dear team, this is a text file called photo.jpg.\n')),
  truncatedJpeg: async () => {
    const whole = await jpeg(sharp(fixture('astronaut.png')));
    return whole.subarray(0, Math.floor(whole.length * 0.55));
  },
  svg: () =>
    Promise.resolve(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="150"/></svg>',
      ),
    ),
  heic: () =>
    Promise.resolve(
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]),
    ),
  /** A decompression bomb: a tiny valid PNG whose header claims 20 000 × 20 000 pixels. */
  pngBomb: async () => {
    const png = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    return png;
  },
};

export interface UploadOptions {
  consent?: string | null;
  noticeVersion?: string | null;
  gazePreference?: string;
  filename?: string;
}

export function uploadPhoto(
  server: App,
  who: SignedIn,
  photo: Buffer,
  options: UploadOptions = {},
) {
  const req = request(server).post('/api/drafts').set(writeHeaders(who));
  const consent = options.consent === undefined ? 'true' : options.consent;
  const version =
    options.noticeVersion === undefined ? PROCESSING_NOTICE_VERSION : options.noticeVersion;
  if (consent !== null) void req.field('consent', consent);
  if (version !== null) void req.field('noticeVersion', version);
  if (options.gazePreference) void req.field('gazePreference', options.gazePreference);
  return req.attach('photo', photo, {
    filename: options.filename ?? 'me.jpg',
    contentType: 'image/jpeg',
  });
}

/** Polls the draft until `done` says so, or fails saying what it waited for. */
async function pollDraft(
  server: App,
  who: SignedIn,
  id: string,
  done: (draft: DraftDto) => boolean,
  waitingFor: (draft: DraftDto) => string,
  timeoutMs: number,
): Promise<DraftDto> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const draft = (
      await request(server).get(`/api/drafts/${id}`).set('Cookie', who.cookie).expect(200)
    ).body as DraftDto;
    if (done(draft)) return draft;
    if (Date.now() > until) throw new Error(`${waitingFor(draft)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Polls the draft until its first render has finished (ready or failed). */
export function waitForDraft(
  server: App,
  who: SignedIn,
  id: string,
  timeoutMs = 90_000,
): Promise<DraftDto> {
  return pollDraft(
    server,
    who,
    id,
    (draft) => {
      const rendering = draft.variants.some(
        (v) => v.status === 'queued' || v.status === 'rendering',
      );
      return (draft.status === 'ready' && !rendering) || draft.status === 'failed';
    },
    (draft) => `Draft ${id} still ${draft.status}/${draft.stage}`,
    timeoutMs,
  );
}

/** After an unlock: waits until every ready variant's HD image is made (or could not be). */
export function waitForHd(
  server: App,
  who: SignedIn,
  id: string,
  timeoutMs = 90_000,
): Promise<DraftDto> {
  return pollDraft(
    server,
    who,
    id,
    (draft) =>
      draft.variants
        .filter((v) => v.status === 'ready')
        .every((v) => v.hdStatus === 'ready' || v.hdStatus === 'failed'),
    () => `Draft ${id}'s HD images not made`,
    timeoutMs,
  );
}

export async function downloadImage(server: App, who: SignedIn, url: string): Promise<Buffer> {
  const response = await request(server)
    .get(url)
    .set('Cookie', who.cookie)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return response.body as Buffer;
}
