import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { ComparisonDto } from '../../shared/compare/compare.types';
import type { DraftDto, DraftVariantDto } from '../../shared/drafts/drafts.types';
import { DraftVariant } from '../../server/modules/drafts/draft-variant.entity';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { downloadImage, photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const WHITE_SQUARE = { backdrop: 'solid', backdropColor: '#f2f2f0', crop: '1:1' } as const;

/**
 * Edits carry through: the look the client adjusted last (or picked) is the one the comparison,
 * "Book this session with this look" and the photographer's brief show, described by its own
 * parameters rather than the preset's.
 */
describe('the chosen look carries through (e2e)', () => {
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let client: SignedIn;
  let stranger: SignedIn;
  let draft: DraftDto;
  let strangersDraft: DraftDto;
  let adjusted: DraftVariantDto;
  let slotCursor = 0;

  beforeAll(async () => {
    t = await startTestApp(BOOKING_TEST_ENV);
    server = t.app.getHttpServer() as App;
    studio = await aListedPhotographer(server, await signInAdmin(server));
    client = await signUp(server, { role: 'client' });
    stranger = await signUp(server, { role: 'client' });
    const [mine, theirs] = await Promise.all([
      uploadPhoto(server, client, await photos.astronaut()).expect(202),
      uploadPhoto(server, stranger, await photos.astronaut()).expect(202),
    ]);
    draft = await waitForDraft(server, client, mine.body.id);
    strangersDraft = await waitForDraft(server, stranger, theirs.body.id);
    expect([draft.status, strangersDraft.status]).toEqual(['ready', 'ready']);
  });
  afterAll(() => t.close());

  const getDraft = async (who: SignedIn, id: string) =>
    (await request(server).get(`/api/drafts/${id}`).set('Cookie', who.cookie).expect(200))
      .body as DraftDto;
  const compare = async () =>
    (
      await request(server)
        .get('/api/compare')
        .query({ useCase: 'profile', draftId: draft.id })
        .set('Cookie', client.cookie.join('; '))
        .expect(200)
    ).body as ComparisonDto;
  const choose = (who: SignedIn, draftId: string, variantId: string) =>
    request(server)
      .put(`/api/drafts/${draftId}/chosen-variant`)
      .set(writeHeaders(who))
      .send({ variantId });
  async function book(body: Record<string, unknown>) {
    const from = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, { from });
    slotCursor += 3;
    const response = await request(server)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({ packageId: studio.packageId, startsAt: slots[slotCursor % slots.length], ...body })
      .expect(201);
    return response.body as BookingDto;
  }

  it('stands for the professional look until the client changes anything', async () => {
    const professional = draft.variants.find((v) => v.style === 'professional')!;
    expect(draft.chosenVariantId).toBe(professional.id);
    expect((await compare()).ai).toMatchObject({
      variantId: professional.id,
      params: professional.params,
    });
  });

  it('after a white 1:1 adjustment, the comparison shows that variant and its parameters', async () => {
    const created = await request(server)
      .post(`/api/drafts/${draft.id}/variants`)
      .set(writeHeaders(client))
      .send({ style: 'professional', params: WHITE_SQUARE })
      .expect(202);
    draft = await waitForDraft(server, client, draft.id);
    adjusted = draft.variants.find((v) => v.id === created.body.id)!;
    expect(adjusted).toMatchObject({ status: 'ready', params: WHITE_SQUARE });
    expect(draft.chosenVariantId).toBe(adjusted.id);

    const { ai } = await compare();
    expect(ai).toMatchObject({
      variantId: adjusted.id,
      style: 'professional',
      previewUrl: adjusted.previewUrl,
      params: { ...WHITE_SQUARE },
      width: adjusted.width,
      height: adjusted.height,
    });
    // What the person sees: a square picture on a white backdrop.
    const image = sharp(await downloadImage(server, client, ai.previewUrl!));
    const { width, height } = await image.metadata();
    expect(width).toBe(height);
    const corner = await image.extract({ left: 2, top: 2, width: 8, height: 8 }).raw().toBuffer();
    expect(Math.min(...corner)).toBeGreaterThan(215);
  });

  it('books with that look: the brief carries its parameters and describes them in words', async () => {
    // As the comparison's "Book this session with this look" hands it over, and without a variant.
    for (const handOff of [{ draftVariantId: adjusted.id }, {}]) {
      const booking = await book({ draftId: draft.id, useCase: 'profile', ...handOff });
      expect(booking.brief).toMatchObject({ style: 'professional', params: adjusted.params });
      const lines = booking.brief!.text.split('\n');
      expect(lines).toContain(
        'Style: Professional, adjusted by the client (backdrop, backdrop colour, crop)',
      );
      expect(lines).toContain('Backdrop: solid white (#f2f2f0) backdrop');
      expect(lines).toContain('Crop: 1:1 square');
      expect(booking.brief!.text).not.toMatch(/Studio grey gradient|4:5/);
      const shown = await downloadImage(server, client, booking.brief!.previewUrl!);
      expect(shown.equals(await downloadImage(server, client, adjusted.previewUrl!))).toBe(true);
    }
  });

  it('lets the client pick another ready look, which then carries through', async () => {
    const creative = draft.variants.find((v) => v.style === 'creative')!;
    const picked = await choose(client, draft.id, creative.id).expect(200);
    expect((picked.body as DraftDto).chosenVariantId).toBe(creative.id);
    expect((await compare()).ai).toMatchObject({ variantId: creative.id, style: 'creative' });
    const booking = await book({ draftId: draft.id });
    expect(booking.brief).toMatchObject({ style: 'creative', params: creative.params });
    expect(booking.brief!.text).toContain('Style: Creative — ');
  });

  it('refuses other people’s drafts and variants (404) and a look not rendered yet (409)', async () => {
    const theirs = await choose(client, strangersDraft.id, strangersDraft.variants[0]!.id).expect(
      404,
    );
    expect(theirs.body.code).toBe('DRAFT_NOT_FOUND');
    const foreignVariant = await choose(client, draft.id, strangersDraft.variants[0]!.id).expect(
      404,
    );
    expect(foreignVariant.body.code).toBe('VARIANT_NOT_FOUND');
    const byStranger = await choose(stranger, draft.id, adjusted.id).expect(404);
    expect(byStranger.body.code).toBe('DRAFT_NOT_FOUND');

    const variants = t.app.get(DataSource).getRepository(DraftVariant);
    await variants.update({ id: adjusted.id }, { status: 'rendering' });
    try {
      const busy = await choose(client, draft.id, adjusted.id).expect(409);
      expect(busy.body.code).toBe('VARIANT_NOT_READY');
    } finally {
      await variants.update({ id: adjusted.id }, { status: 'ready' });
    }
    expect((await getDraft(client, draft.id)).chosenVariantId).not.toBe(adjusted.id);
  });
});
