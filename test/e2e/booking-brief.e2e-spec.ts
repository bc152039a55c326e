import request from 'supertest';
import type { App } from 'supertest/types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { DraftDto } from '../../shared/drafts/drafts.types';
import { DraftSweeper } from '../../server/modules/drafts/draft-sweeper.service';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { downloadImage, photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { verifyCredentials } from '../support/content-credentials';
import { startTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;

describe('the AI draft as a booking brief (e2e)', () => {
  let t: TestApp;
  let server: App;
  let admin: SignedIn;
  let studio: ListedPhotographer;
  let otherStudio: ListedPhotographer;
  let client: SignedIn;
  let otherClient: SignedIn;
  let draft: DraftDto;
  let otherDraft: DraftDto;
  let expiringDraft: DraftDto;
  let slotCursor = 0;

  beforeAll(async () => {
    t = await startTestApp(BOOKING_TEST_ENV);
    server = t.app.getHttpServer() as App;
    admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin);
    otherStudio = await aListedPhotographer(server, admin, {
      profile: { displayName: 'Other Studio' },
    });
    client = await signUp(server, { role: 'client' });
    otherClient = await signUp(server, { role: 'client' });
    const [mine, theirs, expiring] = await Promise.all([
      uploadPhoto(server, client, await photos.astronaut()).expect(202),
      uploadPhoto(server, otherClient, await photos.astronaut()).expect(202),
      uploadPhoto(server, client, await photos.astronaut()).expect(202),
    ]);
    draft = await waitForDraft(server, client, mine.body.id);
    otherDraft = await waitForDraft(server, otherClient, theirs.body.id);
    expiringDraft = await waitForDraft(server, client, expiring.body.id);
    expect([draft.status, otherDraft.status, expiringDraft.status]).toEqual([
      'ready',
      'ready',
      'ready',
    ]);
  });
  afterAll(() => t.close());

  async function nextFreeSlot(): Promise<string> {
    const from = new Date(Date.now() + 10 * 24 * HOUR).toISOString();
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, { from });
    slotCursor += 3;
    return slots[slotCursor % slots.length]!;
  }

  async function book(who: SignedIn, body: Record<string, unknown>) {
    return request(server)
      .post('/api/bookings')
      .set(writeHeaders(who))
      .send({ packageId: studio.packageId, startsAt: await nextFreeSlot(), ...body });
  }

  const bookingCount = async (who: SignedIn) =>
    (await request(server).get('/api/bookings').set('Cookie', who.cookie).expect(200)).body
      .total as number;

  const get = async (id: string, who: SignedIn) =>
    (await request(server).get(`/api/bookings/${id}`).set('Cookie', who.cookie).expect(200))
      .body as BookingDto;

  const preview = (id: string, who: SignedIn) =>
    request(server).get(`/api/bookings/${id}/brief/preview`).set('Cookie', who.cookie);

  const professional = () => draft.variants.find((v) => v.style === 'professional')!;

  describe('while the draft exists', () => {
    let booking: BookingDto;

    beforeAll(async () => {
      const held = await book(client, {
        draftId: draft.id,
        useCase: 'press',
        notes: 'Please keep my glasses on.',
      });
      expect(held.status).toBe(201);
      booking = held.body as BookingDto;
    });

    it('snapshots the look, the use, the notes and what the AI could not fix', () => {
      const variant = professional();
      const unpassed = draft.report!.checks.filter((c) => c.status !== 'pass');
      expect(booking.draftId).toBe(draft.id);
      expect(booking.brief).toEqual({
        useCase: 'press',
        style: 'professional',
        params: variant.params,
        findings: unpassed.map((c) => ({
          label: c.label,
          status: c.status,
          measured: c.measured,
          fix: c.fix,
        })),
        text: expect.any(String),
        previewUrl: `/api/bookings/${booking.id}/brief/preview`,
      });
      const text = booking.brief!.text;
      expect(text).toContain('Conference or press bio');
      expect(text).toContain('Style: Professional');
      expect(text).toContain(variant.params.backdropColor);
      expect(text).toContain(`Crop: ${variant.params.crop}`);
      expect(text).toContain('Ambience:');
      expect(text).toContain('Please keep my glasses on.');
      for (const check of unpassed) expect(text).toContain(check.label);
    });

    it('shows the brief and the watermarked preview to the booking’s photographer only', async () => {
      expect((await get(booking.id, studio.who)).brief).toEqual(booking.brief);

      const response = await preview(booking.id, studio.who).expect(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['cache-control']).toBe('private, no-store');
      const shown = await downloadImage(server, studio.who, booking.brief!.previewUrl!);
      const draftPreview = await downloadImage(server, client, professional().previewUrl!);
      expect(shown.equals(draftPreview)).toBe(true);
      // The photographer's copy carries the same signed Content Credentials: AI, valid.
      expect(await verifyCredentials(server, shown)).toMatchObject({
        status: 'valid',
        aiGenerated: true,
      });

      await downloadImage(server, client, booking.brief!.previewUrl!);
      await preview(booking.id, admin).expect(200);

      for (const stranger of [otherStudio.who, otherClient]) {
        const refused = await preview(booking.id, stranger).expect(404);
        expect(refused.body.code).toBe('BOOKING_NOT_FOUND');
      }
    });

    it('takes the variant the client chose', async () => {
      const creative = draft.variants.find((v) => v.style === 'creative')!;
      const held = await book(client, { draftId: draft.id, draftVariantId: creative.id });
      expect(held.status).toBe(201);
      expect(held.body.brief).toMatchObject({
        style: 'creative',
        params: creative.params,
        useCase: null,
      });
      expect(held.body.brief.text).toContain('Client’s notes: none');
    });

    it('refuses someone else’s draft, a variant of another draft and a failed draft, writing nothing', async () => {
      const before = await bookingCount(client);

      const theirs = await book(client, { draftId: otherDraft.id });
      expect([theirs.status, theirs.body.code]).toEqual([404, 'DRAFT_NOT_FOUND']);

      const wrongVariant = await book(client, {
        draftId: draft.id,
        draftVariantId: otherDraft.variants[0]!.id,
      });
      expect([wrongVariant.status, wrongVariant.body.code]).toEqual([404, 'VARIANT_NOT_FOUND']);

      const upload = await uploadPhoto(server, client, await photos.coffee()).expect(202);
      const failed = await waitForDraft(server, client, upload.body.id);
      expect(failed.status).toBe('failed');
      const refused = await book(client, { draftId: failed.id });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'DRAFT_NOT_COMPARABLE',
        message: expect.stringContaining('could not be made'),
      });

      expect(await bookingCount(client)).toBe(before);
    });
  });

  it('drops the preview but keeps the text brief when the client deletes the draft', async () => {
    const held = await book(client, { draftId: draft.id, notes: 'Blue tie.' });
    expect(held.status).toBe(201);
    const booking = held.body as BookingDto;
    await preview(booking.id, studio.who).expect(200);

    await request(server).delete(`/api/drafts/${draft.id}`).set(writeHeaders(client)).expect(204);

    for (const who of [studio.who, client]) {
      const after = await get(booking.id, who);
      expect(after.draftId).toBeNull();
      expect(after.brief).toEqual({ ...booking.brief, previewUrl: null });
      expect(after.brief!.text).toContain('Blue tie.');
      const gone = await preview(booking.id, who).expect(404);
      expect(gone.body.code).toBe('BRIEF_NOT_FOUND');
    }
  });

  it('drops the preview when the client deletes all their data', async () => {
    const held = await book(otherClient, { draftId: otherDraft.id });
    expect(held.status).toBe(201);
    await request(server).delete('/api/me/data').set(writeHeaders(otherClient)).expect(200);
    const after = await get(held.body.id, studio.who);
    expect(after.brief).toMatchObject({ style: 'professional', previewUrl: null });
    await preview(held.body.id, studio.who).expect(404);
  });

  it('drops the preview when the draft expires under the retention rule', async () => {
    const held = await book(client, { draftId: expiringDraft.id });
    expect(held.status).toBe(201);
    const swept = await t.app.get(DraftSweeper).sweep(new Date(Date.now() + 400 * 24 * HOUR));
    expect(swept.draftsExpired).toBeGreaterThan(0);
    const after = await get(held.body.id, studio.who);
    expect(after).toMatchObject({ draftId: null, brief: { previewUrl: null } });
    expect(after.brief!.text).toContain('Style: Professional');
    await preview(held.body.id, studio.who).expect(404);
  });

  it('has no brief without a draft', async () => {
    const held = await book(client, {});
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ draftId: null, brief: null });
    const none = await preview(held.body.id, client).expect(404);
    expect(none.body.code).toBe('BRIEF_NOT_FOUND');
  });
});
