import request from 'supertest';
import type { App } from 'supertest/types';
import { DraftRenderQueue } from '../../server/modules/drafts/draft-render-queue.service';
import { type SignedIn, signUp } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { sameDeploymentEnv, startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * PROCESS_ROLE: an `api` process takes uploads but renders nothing; a `worker` process on the
 * same database and storage renders them. (In production they are separate OS processes:
 * `npm run start:api`, `npm run start:worker`.)
 */
describe('API and worker processes (e2e)', () => {
  let api: TestApp;
  let worker: TestApp | undefined;
  let server: App;
  let me: SignedIn;

  beforeAll(async () => {
    api = await startTestApp({ PROCESS_ROLE: 'api' });
    server = api.app.getHttpServer() as App;
    me = await signUp(server, { role: 'client' });
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('an API process queues a draft it does not render; a worker on the same database renders it', async () => {
    expect(api.config.drafts.workers).toBe(0);
    expect(api.config.backgroundWork).toBe(false);
    const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const waiting = await request(server)
      .get(`/api/drafts/${created.body.id}`)
      .set('Cookie', me.cookie)
      .expect(200);
    expect(waiting.body.status).toBe('queued');

    worker = await startTestApp({ PROCESS_ROLE: 'worker', ...sameDeploymentEnv(api) });
    expect(worker.config.backgroundWork).toBe(true);
    expect(worker.app.get(DraftRenderQueue)).toBeDefined();
    const draft = await waitForDraft(server, me, created.body.id);
    expect(draft.status).toBe('ready');
    expect(draft.variants.filter((v) => v.status === 'ready')).toHaveLength(3);
  });
});
