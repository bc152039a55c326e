import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { DownloadsDto, GalleryDto, UploadResultDto } from '../../shared/gallery/gallery.types';
import { signLink } from '../../server/modules/gallery/domain/download-links';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import {
  aCompletedBooking,
  aConfirmedBooking,
  aFinalJpeg,
  aProofJpeg,
  aTruncatedJpeg,
  binary,
} from '../support/gallery-fixtures';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import {
  aCameraSignedJpeg,
  independentC2paCheck,
  verifyCredentials,
} from '../support/content-credentials';
import { startTestApp, type TestApp } from '../support/test-app';
import { readZip } from '../support/zip-reader';

const DIGITAL_CAPTURE = 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture';

describe('delivery: proofs, favourites, finals, downloads, reviews (e2e)', () => {
  let t: TestApp;
  let server: App;
  let admin: SignedIn;
  let studio: ListedPhotographer;
  let otherStudio: ListedPhotographer;
  let client: SignedIn;
  let stranger: SignedIn;

  const get = (who: SignedIn, url: string) =>
    request(server).get(url).set('Cookie', who.cookie.join('; '));
  const getBinary = (who: SignedIn, url: string) => get(who, url).buffer(true).parse(binary);
  const post = (who: SignedIn, url: string, body?: object) =>
    request(server).post(url).set(writeHeaders(who)).send(body);

  function uploadProofs(booking: BookingDto, files: { name: string; data: Buffer }[]) {
    let req = request(server)
      .post(`/api/bookings/${booking.id}/gallery/proofs`)
      .set(writeHeaders(studio.who));
    for (const f of files) req = req.attach('images', f.data, f.name);
    return req;
  }
  async function proofsOf(booking: BookingDto, count: number): Promise<UploadResultDto> {
    const files = await Promise.all(
      Array.from({ length: count }, async (_, i) => ({
        name: `IMG_${i + 1}.jpg`,
        data: await aProofJpeg(i),
      })),
    );
    const res = await uploadProofs(booking, files).expect(201);
    return res.body as UploadResultDto;
  }
  async function uploadFinal(booking: BookingDto, proofId: string, index = 0, file?: Buffer) {
    return request(server)
      .post(`/api/bookings/${booking.id}/gallery/finals`)
      .set(writeHeaders(studio.who))
      .field('proofId', proofId)
      .attach('image', file ?? (await aFinalJpeg(index)), `final-${index + 1}.jpg`);
  }
  /** Proofs shared, `selected` of them chosen (within the package), finals for each, delivered. */
  async function aDeliveredBooking(
    selected = 2,
    finalFile?: (index: number) => Promise<Buffer>,
  ): Promise<{ booking: BookingDto; gallery: GalleryDto }> {
    const booking = await aCompletedBooking(t, studio, client);
    const { accepted } = await proofsOf(booking, 3);
    await post(studio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(200);
    const ids = accepted.slice(0, selected).map((p) => p.id);
    await post(client, `/api/bookings/${booking.id}/gallery/selection`, { imageIds: ids }).expect(
      200,
    );
    for (const [i, id] of ids.entries())
      expect((await uploadFinal(booking, id, i, await finalFile?.(i))).status).toBe(201);
    const delivered = await post(studio.who, `/api/bookings/${booking.id}/gallery/deliver`).expect(
      200,
    );
    return { booking, gallery: delivered.body as GalleryDto };
  }

  beforeAll(async () => {
    t = await startTestApp({ ...BOOKING_TEST_ENV, NOTIFICATIONS_INTERVAL_SECONDS: '0' });
    server = t.app.getHttpServer() as App;
    admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin, {
      pkg: { includedImages: 2, extraImagePriceCents: 2_500, deliveryDays: 5 },
    });
    otherStudio = await aListedPhotographer(server, admin, {
      profile: { displayName: 'Other Studio' },
    });
    client = await signUp(server, { role: 'client' });
    stranger = await signUp(server, { role: 'client' });
  });
  afterAll(() => t.close());

  describe('proofs', () => {
    it('keeps the good files of a batch and rejects a non-image and a corrupt file, each with its reason', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const res = await uploadProofs(booking, [
        { name: 'IMG_1.jpg', data: await aProofJpeg(0) },
        { name: 'notes.jpg', data: Buffer.from('not a photo at all, just text') },
        { name: 'IMG_2.jpg', data: await aProofJpeg(1) },
        { name: 'broken.jpg', data: await aTruncatedJpeg() },
      ]).expect(201);
      const body = res.body as UploadResultDto;
      expect(body.accepted.map((a) => a.fileName)).toEqual(['IMG_1.jpg', 'IMG_2.jpg']);
      expect(body.rejected).toEqual([
        expect.objectContaining({ fileName: 'notes.jpg', code: 'UNSUPPORTED_IMAGE_TYPE' }),
        expect.objectContaining({ fileName: 'broken.jpg', code: 'IMAGE_CORRUPT' }),
      ]);
      const gallery = (await get(studio.who, `/api/bookings/${booking.id}/gallery`).expect(200))
        .body as GalleryDto;
      expect(gallery.proofs).toHaveLength(2);
    });

    it('answers 422 with every reason when no file of the batch is usable', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const res = await uploadProofs(booking, [
        { name: 'a.txt', data: Buffer.from('hello there, world') },
      ]).expect(422);
      expect(res.body.code).toBe('NO_IMAGES_ACCEPTED');
      expect(res.body.details.rejected[0].code).toBe('UNSUPPORTED_IMAGE_TYPE');
    });

    it('strips GPS and camera data and serves only watermarked, screen-sized previews', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const [proof] = (await proofsOf(booking, 1)).accepted;
      const preview = await getBinary(studio.who, proof!.previewUrl).expect(200);
      expect(preview.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(preview.body as Buffer).metadata();
      expect(meta.exif).toBeUndefined();
      expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(1600);
      // The mark is visible: the preview is not the plain photo at the same size.
      const plain = await sharp(await aProofJpeg(0))
        .resize(meta.width, meta.height)
        .raw()
        .toBuffer();
      const shown = await sharp(preview.body as Buffer)
        .raw()
        .toBuffer();
      let differing = 0;
      for (let i = 0; i < plain.length; i += 3)
        if (Math.abs(plain[i]! - shown[i]!) > 40) differing += 1;
      expect(differing / (plain.length / 3)).toBeGreaterThan(0.02);
    });

    it('refuses proofs before the session is completed (409), and for unknown bookings (404)', async () => {
      const booking = await aConfirmedBooking(t, studio, client);
      const early = await uploadProofs(booking, [
        { name: 'a.jpg', data: await aProofJpeg(0) },
      ]).expect(409);
      expect(early.body).toMatchObject({
        code: 'GALLERY_NOT_OPEN',
        details: { bookingStatus: 'confirmed' },
      });
      const unknown = { ...booking, id: '00000000-0000-4000-8000-000000000000' };
      expect(
        (await uploadProofs(unknown, [{ name: 'a.jpg', data: await aProofJpeg(0) }]).expect(404))
          .body.code,
      ).toBe('BOOKING_NOT_FOUND');
    });

    it('hides proofs from the client until the photographer shares them', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const [proof] = (await proofsOf(booking, 1)).accepted;
      const before = (await get(client, `/api/bookings/${booking.id}/gallery`).expect(200))
        .body as GalleryDto;
      expect(before.proofs).toEqual([]);
      expect(before.can.select).toBe(false);
      await get(client, proof!.thumbUrl).expect(404);
      await post(studio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(200);
      const after = (await get(client, `/api/bookings/${booking.id}/gallery`).expect(200))
        .body as GalleryDto;
      expect(after.proofs).toHaveLength(1);
      expect(after.stage).toBe('proofs_ready');
      await get(client, proof!.thumbUrl).expect(200);
    });

    it('shows nothing of a booking to someone who is not party to it (404)', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const [proof] = (await proofsOf(booking, 1)).accepted;
      await get(stranger, `/api/bookings/${booking.id}/gallery`).expect(404);
      await get(otherStudio.who, proof!.previewUrl).expect(404);
      await post(otherStudio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(404);
    });
  });

  describe('favourites', () => {
    let booking: BookingDto;
    let proofIds: string[];
    beforeAll(async () => {
      booking = await aCompletedBooking(t, studio, client);
      proofIds = (await proofsOf(booking, 4)).accepted.map((p) => p.id);
      await post(studio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(200);
    });

    it('takes up to the included number for free', async () => {
      const res = await post(client, `/api/bookings/${booking.id}/gallery/selection`, {
        imageIds: proofIds.slice(0, 2),
      }).expect(200);
      const gallery = res.body as GalleryDto;
      expect(gallery.selection).toMatchObject({
        count: 2,
        includedImages: 2,
        extraCount: 0,
        extraCharge: 'none',
      });
      expect(gallery.proofs.filter((p) => p.selected).map((p) => p.id)).toEqual(
        proofIds.slice(0, 2),
      );
    });

    it('refuses more than included without paying: 402 with the price', async () => {
      const res = await post(client, `/api/bookings/${booking.id}/gallery/selection`, {
        imageIds: proofIds,
      }).expect(402);
      expect(res.body).toMatchObject({
        code: 'EXTRA_IMAGES_PAYMENT_REQUIRED',
        details: {
          includedImages: 2,
          extraCount: 2,
          extraImagePriceCents: 2_500,
          amountCents: 5_000,
          currency: 'EUR',
          provider: 'manual',
        },
      });
      expect(res.body.message).toContain('€50.00');
      const unchanged = (await get(client, `/api/bookings/${booking.id}/gallery`).expect(200))
        .body as GalleryDto;
      expect(unchanged.selection.count).toBe(2);
    });

    it('with the manual provider, agreed extras are due at the studio, and the photographer sees it', async () => {
      await post(client, `/api/bookings/${booking.id}/gallery/selection`, {
        imageIds: proofIds.slice(0, 3),
        acceptExtraCharge: true,
      }).expect(200);
      const seen = (await get(studio.who, `/api/bookings/${booking.id}/gallery`).expect(200))
        .body as GalleryDto;
      expect(seen.selection).toMatchObject({
        count: 3,
        extraCount: 1,
        extraAmountCents: 2_500,
        extraCharge: 'due_at_studio',
        extraChargeLabel: '1 extra photo: €25.00 due at the studio — nothing is charged online',
      });
      expect(seen.stage).toBe('selection_submitted');
    });

    it.each([
      ['a photo of another booking', () => ['00000000-0000-4000-8000-000000000001'], 400],
      ['no photos', () => [], 400],
    ])('refuses %s', async (_, ids, status) => {
      await post(client, `/api/bookings/${booking.id}/gallery/selection`, {
        imageIds: ids(),
      }).expect(status);
    });

    it('lets only the booking’s client choose', async () => {
      await post(stranger, `/api/bookings/${booking.id}/gallery/selection`, {
        imageIds: proofIds.slice(0, 1),
      }).expect(404);
      await post(studio.who, `/api/bookings/${booking.id}/gallery/selection`, {
        imageIds: proofIds.slice(0, 1),
      }).expect(403);
    });
  });

  describe('finals and delivery', () => {
    it('takes finals only for selected photos, refuses delivery until each has one, then delivers', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const ids = (await proofsOf(booking, 3)).accepted.map((p) => p.id);
      await post(studio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(200);
      await post(client, `/api/bookings/${booking.id}/gallery/selection`, {
        imageIds: ids.slice(0, 2),
      }).expect(200);

      const notChosen = await uploadFinal(booking, ids[2]!);
      expect(notChosen.status).toBe(409);
      expect(notChosen.body.code).toBe('PROOF_NOT_SELECTED');
      expect((await uploadFinal(booking, ids[0]!, 0)).status).toBe(201);
      const early = await post(studio.who, `/api/bookings/${booking.id}/gallery/deliver`).expect(
        409,
      );
      expect(early.body).toMatchObject({
        code: 'FINALS_MISSING',
        details: { missingProofIds: [ids[1]] },
      });
      await get(client, `/api/bookings/${booking.id}/gallery/downloads`).expect(409);

      expect((await uploadFinal(booking, ids[1]!, 1)).status).toBe(201);
      const done = await post(studio.who, `/api/bookings/${booking.id}/gallery/deliver`).expect(
        200,
      );
      expect(done.body).toMatchObject({ bookingStatus: 'delivered', stage: 'delivered' });
      expect((done.body as GalleryDto).promise.flag).toBe('delivered');
      const booked = await get(client, `/api/bookings/${booking.id}`).expect(200);
      expect(booked.body.status).toBe('delivered');
      const history = await get(client, `/api/bookings/${booking.id}/events`).expect(200);
      expect(history.body.map((e: { action: string }) => e.action)).toContain('deliver');
      await post(studio.who, `/api/bookings/${booking.id}/gallery/deliver`).expect(409);
    });

    it('replaces a final uploaded again for the same photo', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const ids = (await proofsOf(booking, 1)).accepted.map((p) => p.id);
      await post(studio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(200);
      await post(client, `/api/bookings/${booking.id}/gallery/selection`, { imageIds: ids }).expect(
        200,
      );
      await uploadFinal(booking, ids[0]!, 0);
      await uploadFinal(booking, ids[0]!, 2);
      const gallery = (await get(studio.who, `/api/bookings/${booking.id}/gallery`).expect(200))
        .body as GalleryDto;
      expect(gallery.finals).toHaveLength(1);
      expect(gallery.finals[0]!.fileName).toBe('final-3.jpg');
    });
  });

  describe('downloads', () => {
    let booking: BookingDto;
    let links: DownloadsDto;
    beforeAll(async () => {
      ({ booking } = await aDeliveredBooking(2));
      links = (await get(client, `/api/bookings/${booking.id}/gallery/downloads`).expect(200)).body;
    });

    it('gives the client each final at full resolution with provenance in XMP', async () => {
      expect(links.finals).toHaveLength(2);
      const res = await getBinary(client, links.finals[0]!.url).expect(200);
      expect(res.headers['content-disposition']).toContain('attachment');
      const meta = await sharp(res.body as Buffer).metadata();
      const source = await sharp(await aFinalJpeg(0)).metadata();
      expect([meta.width, meta.height]).toEqual([source.width, source.height]);
      const xmp = meta.xmp?.toString() ?? '';
      expect(xmp).toContain(`Iptc4xmpExt:DigitalSourceType="${DIGITAL_CAPTURE}"`);
      expect(xmp).toContain('<rdf:li>Lena Licht</rdf:li>');
      expect(xmp).toContain('© ');
      expect(xmp).toMatch(/UsageTerms>.*Executive headshot/);
      expect(meta.exif).toBeUndefined();
    });

    it('signs each final with Content Credentials: the photographer, copyright and licence, and a camera’s own credentials kept', async () => {
      const fromCamera = await aCameraSignedJpeg(await aFinalJpeg(0));
      const signed = await aDeliveredBooking(2, async (i) =>
        i === 0 ? fromCamera : aFinalJpeg(i),
      );
      const downloads = (
        await get(client, `/api/bookings/${signed.booking.id}/gallery/downloads`).expect(200)
      ).body as DownloadsDto;
      const zip = await readZip(
        (await getBinary(client, downloads.zip.url).expect(200)).body as Buffer,
      );
      for (const [i, final] of downloads.finals.entries()) {
        const file = (await getBinary(client, final.url).expect(200)).body as Buffer;
        expect(zip[i]!.data.equals(file)).toBe(true);
        const report = await verifyCredentials(server, file);
        expect(report).toMatchObject({
          status: 'valid',
          problems: [],
          aiGenerated: false,
          authors: ['Lena Licht'],
          copyright: expect.stringMatching(/^© \d{4} Lena Licht\. All rights reserved\.$/),
          licence: expect.stringMatching(/Executive headshot/),
          signer: { ours: true, development: true },
        });
        expect(report.actions).toEqual([
          expect.objectContaining({ action: 'c2pa.opened', digitalSourceType: DIGITAL_CAPTURE }),
          expect.objectContaining({ action: 'c2pa.edited', digitalSourceType: DIGITAL_CAPTURE }),
        ]);
        expect(report.ingredients).toEqual([
          { title: final.fileName, relationship: 'parentOf', hasCredentials: i === 0 },
        ]);
        expect(independentC2paCheck(file)).toMatchObject({
          signatureValid: true,
          chainValid: true,
          dataHashValid: true,
          actions: ['c2pa.opened', 'c2pa.edited'],
        });
      }
    });

    it('streams all finals as one ZIP whose files match the single downloads', async () => {
      const res = await getBinary(client, links.zip.url).expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      const files = await readZip(res.body as Buffer);
      expect(files.map((f) => f.name)).toEqual(links.finals.map((f) => f.fileName));
      expect(files.every((f) => f.crcMatches)).toBe(true);
      const single = await getBinary(client, links.finals[1]!.url).expect(200);
      expect(files[1]!.data.equals(single.body as Buffer)).toBe(true);
    });

    it('answers 404 to anyone but the client, the photographer or an admin — even with a valid link', async () => {
      for (const who of [stranger, otherStudio.who]) {
        await get(who, links.zip.url).expect(404);
        await get(who, links.finals[0]!.url).expect(404);
        await get(who, `/api/bookings/${booking.id}/gallery/downloads`).expect(404);
      }
      await request(server).get(links.zip.url).expect(401);
      for (const who of [studio.who, admin]) {
        const own = (await get(who, `/api/bookings/${booking.id}/gallery/downloads`).expect(200))
          .body as DownloadsDto;
        await getBinary(who, own.finals[0]!.url).expect(200);
      }
    });

    it('answers 410 once a link has expired, and 404 for a forged or borrowed one', async () => {
      const image = links.finals[0]!.imageId!;
      const past = Math.floor(Date.now() / 1000) - 60;
      const sig = signLink(t.config.delivery.linkSecret, {
        subject: `image:${image}`,
        userId: client.session.user.id,
        expires: past,
      });
      const expired = await get(
        client,
        `/api/gallery-images/${image}/download?expires=${past}&sig=${sig}`,
      ).expect(410);
      expect(expired.body.code).toBe('DOWNLOAD_LINK_EXPIRED');
      const zipSig = signLink(t.config.delivery.linkSecret, {
        subject: `zip:${booking.id}`,
        userId: client.session.user.id,
        expires: past,
      });
      await get(
        client,
        `/api/bookings/${booking.id}/gallery/finals.zip?expires=${past}&sig=${zipSig}`,
      ).expect(410);

      const later = links.finals[0]!.url.replace(
        /expires=(\d+)/,
        (_, e: string) => `expires=${Number(e) + 3600}`,
      );
      expect((await get(client, later).expect(404)).body.code).toBe('DOWNLOAD_LINK_INVALID');
      // The photographer's own session does not make the client's link theirs.
      await get(studio.who, links.finals[0]!.url).expect(404);
      await get(client, `${links.finals[0]!.url.split('?')[0]}?expires=1&sig=short`).expect(400);
    });
  });

  describe('reviews', () => {
    it('refuses a review before delivery (409)', async () => {
      const booking = await aCompletedBooking(t, studio, client);
      const res = await post(client, `/api/bookings/${booking.id}/review`, {
        rating: 5,
        text: 'Lovely session, great light.',
      }).expect(409);
      expect(res.body.code).toBe('REVIEW_NOT_ALLOWED_YET');
    });

    it('takes one review after delivery, moves the profile’s average, and one reply', async () => {
      const before = (
        await request(server).get(`/api/photographers/${studio.profile.id}`).expect(200)
      ).body;
      const { booking } = await aDeliveredBooking(1);
      const first = await post(client, `/api/bookings/${booking.id}/review`, {
        rating: 4,
        text: 'Calm, precise and quick.',
      }).expect(201);
      expect(first.body).toMatchObject({ rating: 4, reply: null });
      const again = await post(client, `/api/bookings/${booking.id}/review`, {
        rating: 5,
        text: 'Changing my mind upward!',
      }).expect(409);
      expect(again.body.code).toBe('REVIEW_EXISTS');

      const after = (
        await request(server).get(`/api/photographers/${studio.profile.id}`).expect(200)
      ).body;
      expect(after.rating.count).toBe(before.rating.count + 1);
      const { booking: second } = await aDeliveredBooking(1);
      await post(client, `/api/bookings/${second.id}/review`, {
        rating: 5,
        text: 'Even better the second time.',
      }).expect(201);
      const twice = (
        await request(server).get(`/api/photographers/${studio.profile.id}`).expect(200)
      ).body;
      expect(twice.rating).toEqual({ average: 4.5, count: before.rating.count + 2 });

      await post(client, `/api/bookings/${booking.id}/review/reply`, { text: 'Thanks!' }).expect(
        403,
      );
      await post(studio.who, `/api/bookings/${booking.id}/review/reply`, {
        text: 'Thank you, Ada!',
      }).expect(201);
      const replyAgain = await post(studio.who, `/api/bookings/${booking.id}/review/reply`, {
        text: 'Again',
      }).expect(409);
      expect(replyAgain.body.code).toBe('REPLY_EXISTS');
      const listed = await request(server)
        .get(`/api/photographers/${studio.profile.id}/reviews`)
        .expect(200);
      expect(listed.body[0]).toMatchObject({ rating: 5 });
      expect(
        listed.body.find((r: { reply: string | null }) => r.reply === 'Thank you, Ada!'),
      ).toBeTruthy();
    });

    it.each([
      [{ rating: 6, text: 'Too many stars here.' }],
      [{ rating: 0, text: 'Too few stars here.' }],
      [{ rating: 3, text: 'short' }],
      [{ rating: 3, text: 'A fine session overall.', extra: true }],
    ])('refuses a malformed review %o with 400', async (body) => {
      const booking = await aCompletedBooking(t, studio, client);
      await post(client, `/api/bookings/${booking.id}/review`, body).expect(400);
    });
  });

  describe('delivery dashboard', () => {
    it('flags what is overdue and due soon for the photographer and shows the client the promised date', async () => {
      const overdue = await aCompletedBooking(t, studio, client, { daysAgo: 9 });
      const dueSoon = await aCompletedBooking(t, studio, client, { daysAgo: 4 });
      const mine = (await get(studio.who, '/api/deliveries').expect(200)).body as {
        bookingId: string;
        promise: { flag: string; dueDate: string };
      }[];
      const flagOf = (id: string) => mine.find((d) => d.bookingId === id)?.promise.flag;
      expect(flagOf(overdue.id)).toBe('overdue');
      expect(flagOf(dueSoon.id)).toBe('due_soon');
      expect(mine[0]!.promise.flag).toBe('overdue');
      const theirs = (await get(client, '/api/deliveries').expect(200)).body as {
        bookingId: string;
        promise: { dueDate: string };
      }[];
      expect(theirs.find((d) => d.bookingId === dueSoon.id)?.promise.dueDate).toMatch(
        /^\d{4}-\d{2}-\d{2}$/,
      );
      const strangers = (await get(stranger, '/api/deliveries').expect(200)).body as unknown[];
      expect(strangers).toEqual([]);
    });
  });
});
