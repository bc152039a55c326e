import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { DraftRenderJob } from '../../server/modules/drafts/draft-render-job.entity';
import { Draft } from '../../server/modules/drafts/draft.entity';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/** The same database again, in a new process-like app (as after a restart or on another node). */
const sameDatabase = (first: TestApp): Record<string, string> => ({
  DATA_DIR: first.config.dataDir,
  ...(first.config.database.type === 'sqlite'
    ? { SQLITE_PATH: first.config.database.path }
    : { DATABASE_URL: first.config.database.url }),
});

describe('fair use of the draft studio (e2e)', () => {
  describe('per-account limits, counted in the database', () => {
    let t: TestApp;
    let server: App;
    let photo: Buffer;

    beforeAll(async () => {
      // A node that renders nothing: drafts stay queued, so "in flight" is exact.
      t = await startTestApp({
        DRAFT_RENDER_WORKERS: '0',
        DRAFT_UPLOADS_PER_HOUR: '4',
        DRAFT_MAX_IN_FLIGHT: '2',
      });
      server = t.app.getHttpServer() as App;
      photo = await photos.astronaut();
    });
    afterAll(() => t.close());

    const remove = (who: SignedIn, id: string) =>
      request(server).delete(`/api/drafts/${id}`).set(writeHeaders(who)).expect(204);

    it('answers 429 DRAFTS_IN_FLIGHT while the account already has the most drafts waiting', async () => {
      const me = await signUp(server, { role: 'client' });
      const first = await uploadPhoto(server, me, photo).expect(202);
      await uploadPhoto(server, me, photo).expect(202);
      const refused = await uploadPhoto(server, me, photo).expect(429);
      expect(refused.body).toMatchObject({ code: 'DRAFTS_IN_FLIGHT', details: { limit: 2 } });
      expect(refused.body.message).toMatch(/2 of your drafts are still being made/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Nothing was kept of the refused upload.
      expect(
        await t.app.get(DataSource).getRepository(Draft).countBy({ ownerId: me.session.user.id }),
      ).toBe(2);

      // Someone else is not held up by my drafts.
      const other = await signUp(server, { role: 'client' });
      await uploadPhoto(server, other, photo).expect(202);

      // One of mine out of the way: the next upload is taken.
      await remove(me, first.body.id as string);
      await uploadPhoto(server, me, photo).expect(202);
    });

    it('answers 429 DRAFT_RATE_LIMITED with Retry-After past the hourly count, even after deleting', async () => {
      const me = await signUp(server, { role: 'client' });
      for (let i = 0; i < 4; i++) {
        const created = await uploadPhoto(server, me, photo).expect(202);
        // Deleting a draft does not give its upload back.
        await remove(me, created.body.id as string);
      }
      const refused = await uploadPhoto(server, me, photo).expect(429);
      expect(refused.body).toMatchObject({ code: 'DRAFT_RATE_LIMITED', details: { limit: 4 } });
      expect(refused.body.message).toMatch(
        /4 photos in the last hour.*Try again in (59|60) minutes/,
      );
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(3_500);
      expect(retryAfter).toBeLessThanOrEqual(3_600);
    });

    it('counts across processes: a second app on the same database sees the same uploads', async () => {
      const me = await signUp(server, { role: 'client' });
      await uploadPhoto(server, me, photo).expect(202);
      const second = await startTestApp({
        DRAFT_RENDER_WORKERS: '0',
        DRAFT_UPLOADS_PER_HOUR: '4',
        DRAFT_MAX_IN_FLIGHT: '2',
        ...sameDatabase(t),
      });
      try {
        const s2 = second.app.getHttpServer() as App;
        await uploadPhoto(s2, me, photo).expect(202);
        const refused = await uploadPhoto(s2, me, photo).expect(429);
        expect(refused.body.code).toBe('DRAFTS_IN_FLIGHT');
      } finally {
        await second.app.close();
      }
    });
  });

  describe('fair rendering and re-render limits', () => {
    let queued: TestApp;
    let renderer: TestApp;
    let heavy: SignedIn;
    let light: SignedIn;
    const heavyIds: string[] = [];
    let lightId: string;

    beforeAll(async () => {
      // One account queues a backlog, then another account one draft, while nothing renders…
      queued = await startTestApp({ DRAFT_RENDER_WORKERS: '0' });
      const s1 = queued.app.getHttpServer() as App;
      heavy = await signUp(s1, { role: 'client' });
      light = await signUp(s1, { role: 'client' });
      const photo = await photos.astronaut();
      for (let i = 0; i < 5; i++) {
        heavyIds.push((await uploadPhoto(s1, heavy, photo).expect(202)).body.id as string);
      }
      lightId = (await uploadPhoto(s1, light, photo).expect(202)).body.id as string;
      await queued.app.close();
      // …then a node with one render worker picks the queue up.
      renderer = await startTestApp({
        DRAFT_RERENDERS_PER_HOUR: '2',
        ...sameDatabase(queued),
      });
    });
    afterAll(async () => {
      await renderer.close();
      await queued.close().catch(() => undefined);
    });

    it('renders the other account’s single draft before the first account’s backlog finishes', async () => {
      const server = renderer.app.getHttpServer() as App;
      for (const id of heavyIds)
        expect((await waitForDraft(server, heavy, id)).status).toBe('ready');
      expect((await waitForDraft(server, light, lightId)).status).toBe('ready');

      const jobs = await renderer.app
        .get(DataSource)
        .getRepository(DraftRenderJob)
        .find({ order: { startedAt: 'ASC' } });
      const started = (id: string) => jobs.find((j) => j.draftId === id)!.startedAt!.getTime();
      const heavyBefore = heavyIds.filter((id) => started(id) < started(lightId)).length;
      const heavyAfter = heavyIds.filter((id) => started(id) > started(lightId)).length;
      // First come, first served would start all five of the backlog first.
      expect(heavyBefore).toBeLessThanOrEqual(1);
      expect(heavyAfter).toBeGreaterThanOrEqual(3);
    });

    it('answers 429 RERENDER_RATE_LIMITED past the hourly re-renders', async () => {
      const server = renderer.app.getHttpServer() as App;
      const rerender = () =>
        request(server)
          .post(`/api/drafts/${lightId}/variants`)
          .set(writeHeaders(light))
          .send({ style: 'creative', params: { backdropColor: '#7a2e3a' } });
      await rerender().expect(202);
      await rerender().expect(202);
      const refused = await rerender().expect(429);
      expect(refused.body).toMatchObject({
        code: 'RERENDER_RATE_LIMITED',
        details: { limit: 2, window: 'hour' },
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3_500);
      expect(refused.body.message).toMatch(/2 changes in the last hour/);
      await waitForDraft(server, light, lightId);
    });
  });
});
