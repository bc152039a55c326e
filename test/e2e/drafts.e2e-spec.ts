import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import {
  type DraftDto,
  IPTC_DIGITAL_SOURCE_TYPE,
  type QualityCheckId,
} from '../../shared/drafts/drafts.types';
import { DraftRenderJob } from '../../server/modules/drafts/draft-render-job.entity';
import { Draft } from '../../server/modules/drafts/draft.entity';
import { DraftSweeper } from '../../server/modules/drafts/draft-sweeper.service';
import { RenderWorkerPool } from '../../server/modules/drafts/render/render-worker-pool';
import type { AnalyseResult } from '../../server/modules/drafts/render/render-protocol';
import { type SignedIn, signUp, writeHeaders } from '../support/accounts';
import {
  downloadImage,
  photos,
  uploadPhoto,
  waitForDraft,
  waitForHd,
} from '../support/draft-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

describe('AI draft studio (e2e)', () => {
  let t: TestApp;
  let server: App;
  let me: SignedIn;
  /** The astronaut, rendered once and shared by the tests that only read it. */
  let astronaut: DraftDto;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
    me = await signUp(server, { role: 'client' });
    const created = await uploadPhoto(server, me, await photos.astronautWithGps()).expect(202);
    astronaut = await waitForDraft(server, me, created.body.id);
  });
  afterAll(() => t.close());

  const blobDir = () => t.config.storage.blobDir;
  const draftFiles = (id: string) => {
    const dir = path.join(blobDir(), 'drafts', id);
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
  };
  const check = (draft: DraftDto, id: QualityCheckId) =>
    draft.report!.checks.find((c) => c.id === id)!;
  const variant = (draft: DraftDto, style: string) =>
    draft.variants.find((v) => v.style === style && v.status === 'ready')!;
  /** Runs face analysis again, in the worker pool, on an image we produced. */
  const analyse = async (image: Buffer) => {
    const result: AnalyseResult = await t.app.get(RenderWorkerPool).analyse(image, () => undefined);
    if (!result.outcome.ok) throw new Error(result.outcome.failure.message);
    return result.outcome.analysis;
  };

  describe('a good photo', () => {
    it('answers 202 at once, then renders three labelled styles with a report', async () => {
      const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
      expect(created.body).toEqual({ id: expect.any(String), status: 'queued' });

      expect(astronaut.status).toBe('ready');
      expect(astronaut.progress).toBe(100);
      expect(astronaut.variants.map((v) => v.style).sort()).toEqual([
        'creative',
        'professional',
        'relaxed',
      ]);
      expect(astronaut.variants.every((v) => v.previewUrl && v.hdUrl === null)).toBe(true);
      expect(astronaut.report!.checks.map((c) => c.id)).toEqual(
        expect.arrayContaining([
          'eyeContact',
          'headTilt',
          'headTurn',
          'sharpness',
          'exposure',
          'eyesOpen',
          'faceSize',
        ]),
      );
      expect(astronaut.report!.verdicts.map((v) => v.useCase)).toEqual([
        'profile',
        'website',
        'press',
        'executive',
        'actor',
        'print',
      ]);
      expect(astronaut.report!.verdicts[0]!.verdict).toBe('ai_ok');
      expect(astronaut.consent.noticeVersion).toMatch(/\d{4}-\d{2}-\d{2}/);
      await waitForDraft(server, me, created.body.id);
    });

    it('deletes the original upload once rendering ends, keeping only the working copy, mask and outputs', () => {
      expect(astronaut.sourceDeleted).toBe(true);
      const files = draftFiles(astronaut.id);
      expect(files).not.toContain('source.jpg');
      expect(files).toEqual(expect.arrayContaining(['working.jpg', 'mask.png']));
    });

    it('labels every output as AI in XMP and keeps no EXIF or GPS from the upload', async () => {
      await request(server)
        .post(`/api/drafts/${astronaut.id}/unlock`)
        .set(writeHeaders(me))
        .expect(200);
      const draft = await waitForHd(server, me, astronaut.id);
      for (const v of draft.variants) {
        for (const url of [v.previewUrl!, v.hdUrl!]) {
          const metadata = await sharp(await downloadImage(server, me, url)).metadata();
          expect(metadata.xmp?.toString()).toContain(IPTC_DIGITAL_SOURCE_TYPE);
          expect(metadata.exif).toBeUndefined();
        }
      }
      // The untouched crop for the before/after slider carries nothing from the upload either.
      const before = await sharp(
        await downloadImage(server, me, draft.variants[0]!.beforeUrl!),
      ).metadata();
      expect(before.exif).toBeUndefined();
      expect(before.width).toBeGreaterThan(100);
      const working = await sharp(
        path.join(blobDir(), 'drafts', astronaut.id, 'working.jpg'),
      ).metadata();
      expect(working.exif).toBeUndefined();
    });

    it('frames the portrait: eye line near a third from the top, face centred', async () => {
      const image = await downloadImage(server, me, variant(astronaut, 'professional').previewUrl!);
      const { width, height } = await sharp(image).metadata();
      const found = await analyse(image);
      const scale = found.working.width / width;
      expect(found.face.eyes.y / scale / height).toBeCloseTo(1 / 3, 1);
      expect(Math.abs(found.face.eyes.x / scale / width - 0.5)).toBeLessThan(0.06);
      expect(width / height).toBeCloseTo(4 / 5, 2);
    });

    it('puts the chosen backdrop colour behind a professional variant', async () => {
      const created = await request(server)
        .post(`/api/drafts/${astronaut.id}/variants`)
        .set(writeHeaders(me))
        .send({ style: 'professional', params: { backdrop: 'solid', backdropColor: '#2f5d50' } })
        .expect(202);
      expect(created.body.status).toBe('queued');
      const draft = await waitForDraft(server, me, astronaut.id);
      const rendered = draft.variants.find((v) => v.id === created.body.id)!;
      expect(rendered.status).toBe('ready');
      expect(rendered.params).toMatchObject({
        backdrop: 'solid',
        backdropColor: '#2f5d50',
        crop: '4:5',
      });
      const { data, info } = await sharp(await downloadImage(server, me, rendered.previewUrl!))
        .raw()
        .toBuffer({ resolveWithObject: true });
      // Top corners, well away from the person.
      for (const [x, y] of [
        [4, 4],
        [info.width - 5, 4],
        [Math.round(info.width * 0.06), Math.round(info.height * 0.15)],
      ]) {
        const i = (y! * info.width + x!) * info.channels;
        expect(Math.abs(data[i]! - 0x2f)).toBeLessThan(8);
        expect(Math.abs(data[i + 1]! - 0x5d)).toBeLessThan(8);
        expect(Math.abs(data[i + 2]! - 0x50)).toBeLessThan(8);
      }
    });

    it('renders a black-and-white creative variant on request', async () => {
      const created = await request(server)
        .post(`/api/drafts/${astronaut.id}/variants`)
        .set(writeHeaders(me))
        .send({ style: 'creative', params: { monochrome: true, backdropColor: '#f2f2f0' } })
        .expect(202);
      const draft = await waitForDraft(server, me, astronaut.id);
      const rendered = draft.variants.find((v) => v.id === created.body.id)!;
      expect(rendered.status).toBe('ready');
      const { data, info } = await sharp(await downloadImage(server, me, rendered.previewUrl!))
        .raw()
        .toBuffer({ resolveWithObject: true });
      // The face, in the middle of the frame, has no colour left.
      const i =
        (Math.round(info.height * 0.4) * info.width + Math.round(info.width / 2)) * info.channels;
      expect(
        Math.max(data[i]!, data[i + 1]!, data[i + 2]!) -
          Math.min(data[i]!, data[i + 1]!, data[i + 2]!),
      ).toBeLessThan(6);
    });

    it('keeps the HD image locked (402) until the draft is unlocked by the manual demo rule, then makes it', async () => {
      const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
      const draft = await waitForDraft(server, me, created.body.id);
      const v = draft.variants[0]!;
      const locked = await request(server)
        .get(`/api/drafts/${draft.id}/variants/${v.id}/image?size=hd`)
        .set('Cookie', me.cookie)
        .expect(402);
      expect(locked.body.code).toBe('HD_LOCKED');
      const unlocked = await request(server)
        .post(`/api/drafts/${draft.id}/unlock`)
        .set(writeHeaders(me))
        .expect(200);
      expect(unlocked.body).toMatchObject({ unlocked: true, method: 'manual' });
      // HD images are made after unlocking (previews come first): at first they are on their way.
      const making = (
        await request(server).get(`/api/drafts/${draft.id}`).set('Cookie', me.cookie).expect(200)
      ).body as DraftDto;
      for (const variant of making.variants) {
        expect(['queued', 'rendering']).toContain(variant.hdStatus);
        expect(variant.hdUrl).toBeNull();
      }
      const early = await request(server)
        .get(`/api/drafts/${draft.id}/variants/${v.id}/image?size=hd`)
        .set('Cookie', me.cookie)
        .expect(409);
      expect(early.body).toMatchObject({
        code: 'HD_NOT_READY',
        details: { hdStatus: expect.any(String) },
      });
      const made = await waitForHd(server, me, draft.id);
      expect(made.variants.every((m) => m.hdStatus === 'ready' && m.hdUrl)).toBe(true);
      const hd = await downloadImage(
        server,
        me,
        `/api/drafts/${draft.id}/variants/${v.id}/image?size=hd`,
      );
      const preview = await downloadImage(server, me, v.previewUrl!);
      expect((await sharp(hd).metadata()).width).toBe(v.width);
      expect(hd.equals(preview)).toBe(false);

      // A style changed after unlocking gets its HD image too, after its preview.
      const changed = await request(server)
        .post(`/api/drafts/${draft.id}/variants`)
        .set(writeHeaders(me))
        .send({ style: 'professional', params: { backdropColor: '#1f4e79' } })
        .expect(202);
      await waitForDraft(server, me, draft.id);
      const withHd = await waitForHd(server, me, draft.id);
      const adjusted = withHd.variants.find((m) => m.id === changed.body.id)!;
      expect(adjusted).toMatchObject({ status: 'ready', hdStatus: 'ready' });
      const adjustedHd = await sharp(await downloadImage(server, me, adjusted.hdUrl!)).metadata();
      expect(adjustedHd.width).toBe(adjusted.width);
    });
  });

  describe('what the report tells the truth about', () => {
    it('detects a head rolled 15° and straightens it in the output', async () => {
      const created = await uploadPhoto(server, me, await photos.rotated15()).expect(202);
      const draft = await waitForDraft(server, me, created.body.id);
      expect(draft.status).toBe('ready');
      const tilt = check(draft, 'headTilt');
      expect(tilt.status).toBe('warn');
      expect(Math.abs(tilt.value)).toBeGreaterThan(12);
      const image = await downloadImage(server, me, variant(draft, 'professional').previewUrl!);
      expect(Math.abs((await analyse(image)).face.roll)).toBeLessThan(4);
    });

    it('warns about a dark photo', async () => {
      const created = await uploadPhoto(server, me, await photos.darkened()).expect(202);
      const draft = await waitForDraft(server, me, created.body.id);
      expect(check(draft, 'exposure')).toMatchObject({
        status: expect.stringMatching(/warn|fail/),
        fix: expect.stringMatching(/light/),
      });
      expect(check(astronaut, 'exposure').status).toBe('pass');
    });

    it('warns about a blurred photo', async () => {
      const created = await uploadPhoto(server, me, await photos.blurred()).expect(202);
      const draft = await waitForDraft(server, me, created.body.id);
      expect(check(draft, 'sharpness')).toMatchObject({
        status: expect.stringMatching(/warn|fail/),
        fix: expect.stringMatching(/hold the phone steady/),
      });
      expect(check(astronaut, 'sharpness').status).toBe('pass');
      expect(draft.report!.verdicts.find((v) => v.useCase === 'press')!.verdict).toBe(
        'studio_advised',
      );
    });

    it('flags a face turned away from the lens', async () => {
      const created = await uploadPhoto(server, me, await photos.turned()).expect(202);
      const draft = await waitForDraft(server, me, created.body.id);
      expect(draft.status).toBe('ready');
      expect(check(draft, 'headTurn').status).not.toBe('pass');
      expect(check(draft, 'headTurn').fix).toMatch(/turn towards the lens/);
      expect(check(draft, 'eyeContact').status).not.toBe('pass');
      expect(check(astronaut, 'eyeContact').status).toBe('pass');
    });
  });

  describe('bad input', () => {
    const upload = async (photo: Promise<Buffer>, status: number, options = {}) => {
      const response = await uploadPhoto(server, me, await photo, options);
      expect(response.status).toBe(status);
      return response;
    };
    const draftCount = async () => t.app.get(DataSource).getRepository(Draft).count();

    it.each([
      ['no consent at all', { consent: null }],
      ['consent not given', { consent: 'false' }],
      ['an old notice version', { noticeVersion: '2001-01-01' }],
    ])('refuses %s with 400 CONSENT_REQUIRED and stores nothing', async (_, options) => {
      const before = await draftCount();
      const response = await upload(photos.astronaut(), 400, options);
      expect(response.body.code).toBe('CONSENT_REQUIRED');
      expect(await draftCount()).toBe(before);
    });

    it.each([
      ['a text file named .jpg', 415, 'UNSUPPORTED_IMAGE_TYPE', photos.textNamedJpg],
      ['an SVG', 415, 'UNSUPPORTED_IMAGE_TYPE', photos.svg],
      ['a HEIC photo (not decodable here)', 415, 'UNSUPPORTED_IMAGE_TYPE', photos.heic],
      ['a truncated JPEG', 422, 'IMAGE_CORRUPT', photos.truncatedJpeg],
      ['a PNG decompression bomb', 422, 'IMAGE_TOO_MANY_PIXELS', photos.pngBomb],
    ])('refuses %s with %i %s and stores nothing', async (_, status, code, make) => {
      const before = await draftCount();
      const response = await upload(make(), status);
      expect(response.body.code).toBe(code);
      expect(await draftCount()).toBe(before);
    });

    it('names the accepted types when refusing a file', async () => {
      const response = await upload(photos.heic(), 415);
      expect(response.body.message).toMatch(/JPEG, PNG or WebP/);
    });

    it('refuses a file over 20 MB with 413 IMAGE_TOO_LARGE', async () => {
      const response = await upload(Promise.resolve(Buffer.alloc(21 * 1024 * 1024, 1)), 413);
      expect(response.body.code).toBe('IMAGE_TOO_LARGE');
    });

    it('refuses an upload without a photo with 400 FILE_MISSING', async () => {
      const response = await request(server)
        .post('/api/drafts')
        .set(writeHeaders(me))
        .field('consent', 'true')
        .field('noticeVersion', astronaut.consent.noticeVersion)
        .expect(400);
      expect(response.body.code).toBe('FILE_MISSING');
    });

    it.each([
      ['coffee', 'NO_FACE', photos.coffee],
      ['cat', 'NO_FACE', photos.cat],
      ['two people', 'MULTIPLE_FACES', photos.twoPeople],
      ['a tiny face', 'FACE_TOO_SMALL', photos.tinyFace],
    ])(
      'fails the draft for %s with %s and a clear message, keeping no photo',
      async (_, code, make) => {
        const created = await upload(make(), 202);
        const draft = await waitForDraft(server, me, created.body.id);
        expect(draft.status).toBe('failed');
        expect(draft.failure!.code).toBe(code);
        expect(draft.failure!.message.length).toBeGreaterThan(30);
        expect(draft.variants).toEqual([]);
        expect(draftFiles(draft.id)).toEqual([]);
        if (code === 'MULTIPLE_FACES') {
          const faces = (draft.failure!.details as { faces: { x: number }[] }).faces;
          expect(faces).toHaveLength(2);
          expect(faces[0]!.x).not.toBeCloseTo(faces[1]!.x, -2);
        }
      },
    );

    it('keeps the server up after all of that', async () => {
      await request(server).get('/api/health').expect(200);
    });
  });

  describe('privacy and ownership', () => {
    it("answers 404 for someone else's draft, whatever the verb", async () => {
      const stranger = await signUp(server, { role: 'client' });
      const v = astronaut.variants[0]!;
      const id = astronaut.id;
      for (const call of [
        request(server).get(`/api/drafts/${id}`).set('Cookie', stranger.cookie),
        request(server)
          .get(`/api/drafts/${id}/variants/${v.id}/image`)
          .set('Cookie', stranger.cookie),
        request(server)
          .post(`/api/drafts/${id}/variants`)
          .set(writeHeaders(stranger))
          .send({ style: 'creative' }),
        request(server).post(`/api/drafts/${id}/unlock`).set(writeHeaders(stranger)),
        request(server).delete(`/api/drafts/${id}`).set(writeHeaders(stranger)),
      ]) {
        const response = await call;
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('DRAFT_NOT_FOUND');
      }
      const list = await request(server)
        .get('/api/drafts')
        .set('Cookie', stranger.cookie)
        .expect(200);
      expect(list.body).toEqual([]);
    });

    it('lists my drafts with their expiry, 30 days out', async () => {
      const list = await request(server).get('/api/drafts').set('Cookie', me.cookie).expect(200);
      const mine = list.body.find((d: { id: string }) => d.id === astronaut.id);
      const days = (Date.parse(mine.expiresAt) - Date.parse(mine.createdAt)) / 86_400_000;
      expect(days).toBe(30);
      expect(mine.thumbnailUrl).toMatch(/size=preview/);
    });

    it('deletes one draft: rows and files', async () => {
      const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
      const draft = await waitForDraft(server, me, created.body.id);
      expect(draftFiles(draft.id).length).toBeGreaterThan(0);
      await request(server).delete(`/api/drafts/${draft.id}`).set(writeHeaders(me)).expect(204);
      expect(draftFiles(draft.id)).toEqual([]);
      await request(server).get(`/api/drafts/${draft.id}`).set('Cookie', me.cookie).expect(404);
      expect(
        await t.app.get(DataSource).getRepository(DraftRenderJob).countBy({ draftId: draft.id }),
      ).toBe(0);
    });

    it('DELETE /api/me/data removes every draft of mine, rows and files, and nobody else’s', async () => {
      const owner = await signUp(server, { role: 'client' });
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const created = await uploadPhoto(server, owner, await photos.astronaut()).expect(202);
        ids.push(created.body.id);
      }
      await Promise.all(ids.map((id) => waitForDraft(server, owner, id)));
      const response = await request(server)
        .delete('/api/me/data')
        .set(writeHeaders(owner))
        .expect(200);
      expect(response.body).toEqual({ draftsDeleted: 2 });
      for (const id of ids) expect(draftFiles(id)).toEqual([]);
      const list = await request(server).get('/api/drafts').set('Cookie', owner.cookie).expect(200);
      expect(list.body).toEqual([]);
      await request(server).get(`/api/drafts/${astronaut.id}`).set('Cookie', me.cookie).expect(200);
    });
    // Last: it expires every unkept draft, the shared astronaut included.
    it('the sweeper removes originals after 24 h and expired drafts unless kept', async () => {
      const owner = await signUp(server, { role: 'client' });
      const stuck = await uploadPhoto(server, owner, await photos.astronaut()).expect(202);
      await waitForDraft(server, owner, stuck.body.id);
      const kept = await uploadPhoto(server, owner, await photos.astronaut()).expect(202);
      await waitForDraft(server, owner, kept.body.id);
      await request(server)
        .patch(`/api/drafts/${kept.body.id}`)
        .set(writeHeaders(owner))
        .send({ keep: true })
        .expect(200);

      const month = new Date(Date.now() + 31 * 86_400_000);
      await t.app.get(DraftSweeper).sweep(month);
      await request(server)
        .get(`/api/drafts/${stuck.body.id}`)
        .set('Cookie', owner.cookie)
        .expect(404);
      expect(draftFiles(stuck.body.id)).toEqual([]);
      const survivor = await request(server)
        .get(`/api/drafts/${kept.body.id}`)
        .set('Cookie', owner.cookie)
        .expect(200);
      expect(survivor.body.keep).toBe(true);
    });
  });

  describe('render queue persisted in the database', () => {
    it('picks unfinished jobs up again after a restart, and drops originals after 24 h', async () => {
      // A node that accepts uploads but renders nothing, then "crashes" mid-job.
      const first = await startTestApp({ DRAFT_RENDER_WORKERS: '0' });
      const s1 = first.app.getHttpServer() as App;
      const who = await signUp(s1, { role: 'client' });
      const old = await uploadPhoto(s1, who, await photos.astronaut()).expect(202);
      const oldFile = path.join(first.config.storage.blobDir, 'drafts', old.body.id, 'source.jpg');
      expect(existsSync(oldFile)).toBe(true);
      await first.app.get(DraftSweeper).sweep(new Date(Date.now() + 25 * 3_600_000));
      expect(existsSync(oldFile)).toBe(false);
      const swept = await request(s1).get(`/api/drafts/${old.body.id}`).set('Cookie', who.cookie);
      expect(swept.body.sourceDeleted).toBe(true);
      await request(s1).delete(`/api/drafts/${old.body.id}`).set(writeHeaders(who)).expect(204);
      const created = await uploadPhoto(s1, who, await photos.astronaut()).expect(202);
      const id = created.body.id as string;
      const jobs = first.app.get(DataSource).getRepository(DraftRenderJob);
      await jobs.update({ draftId: id }, { status: 'running' });

      expect(
        (await request(s1).get(`/api/drafts/${id}`).set('Cookie', who.cookie)).body.status,
      ).toBe('queued');
      await first.app.close();

      const database: Record<string, string> =
        first.config.database.type === 'sqlite'
          ? { SQLITE_PATH: first.config.database.path }
          : { DATABASE_URL: first.config.database.url };
      const second = await startTestApp({ DATA_DIR: first.config.dataDir, ...database });
      try {
        const draft = await waitForDraft(second.app.getHttpServer() as App, who, id);
        expect(draft.status).toBe('ready');
        expect(draft.variants).toHaveLength(3);
        expect(
          await second.app.get(DataSource).getRepository(DraftRenderJob).findOneBy({ draftId: id }),
        ).toMatchObject({ status: 'done', attempts: 1 });
      } finally {
        await second.close();
        await first.close().catch(() => undefined);
      }
    });
  });
});
