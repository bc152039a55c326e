import { randomUUID } from 'node:crypto';
import type { App } from 'supertest/types';
import { DataSource, type Repository } from 'typeorm';
import { DraftRenderJob } from '../../server/modules/drafts/draft-render-job.entity';
import { DraftVariant } from '../../server/modules/drafts/draft-variant.entity';
import { Draft } from '../../server/modules/drafts/draft.entity';
import {
  DraftRenderQueue,
  RENDER_LEASE_MS,
} from '../../server/modules/drafts/draft-render-queue.service';
import { type SignedIn, signUp } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * Several processes share the embedded render queue: a job another live process holds (its
 * lease is current) is never queued again, whatever boots or polls; a job whose process died
 * (its lease ran out) is picked up and finished.
 */
describe('render job leases (e2e)', () => {
  let t: TestApp;
  let server: App;
  let me: SignedIn;
  let jobs: Repository<DraftRenderJob>;
  let queue: DraftRenderQueue;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
    me = await signUp(server, { role: 'client' });
    jobs = t.app.get(DataSource).getRepository(DraftRenderJob);
    queue = t.app.get(DraftRenderQueue);
  });
  afterAll(() => t.close());

  const running = (leaseOwner: string | null, leaseUntil: Date | null) =>
    jobs.save(
      jobs.create({
        draftId: randomUUID(),
        variantId: null,
        kind: 'draft',
        status: 'running',
        attempts: 1,
        error: null,
        createdAt: new Date(),
        startedAt: new Date(),
        leaseOwner,
        leaseUntil,
      }),
    );

  it('leaves a job another live process holds alone, and queues those of dead processes', async () => {
    const held = await running('other-host:4242:aaaa', new Date(Date.now() + RENDER_LEASE_MS));
    const dead = await running('gone-host:99:bbbb', new Date(Date.now() - 1000));
    const legacy = await running(null, null);

    await queue.recover();
    // And again on the poll, a second later: still held.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    await expect(jobs.findOneByOrFail({ id: held.id })).resolves.toMatchObject({
      status: 'running',
      leaseOwner: 'other-host:4242:aaaa',
    });
    for (const id of [dead.id, legacy.id]) {
      await expect(jobs.findOneByOrFail({ id })).resolves.toMatchObject({
        status: 'queued',
        leaseOwner: null,
        leaseUntil: null,
      });
    }
  });

  it('claims a job with this process’s lease and clears it when the job is done', async () => {
    const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
    const draft = await waitForDraft(server, me, created.body.id);
    expect(draft.status).toBe('ready');
    const job = await jobs.findOneByOrFail({ draftId: draft.id, kind: 'draft' });
    expect(job).toMatchObject({ status: 'done', leaseOwner: null, leaseUntil: null, attempts: 1 });
  });

  it('finishes a draft whose process died mid-render (its lease ran out)', async () => {
    const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
    const draft = await waitForDraft(server, me, created.body.id);
    // As if another process had analysed the photo, started the three styles and died: the
    // draft is mid-render without variants, its job "running" under a lease that ran out.
    const data = t.app.get(DataSource);
    await data.getRepository(DraftVariant).delete({ draftId: draft.id });
    await data
      .getRepository(Draft)
      .update({ id: draft.id }, { status: 'processing', stage: 'rendering', progress: 45 });
    await jobs.update(
      { draftId: draft.id, kind: 'draft' },
      {
        status: 'running',
        leaseOwner: 'crashed-host:1:cccc',
        leaseUntil: new Date(Date.now() - 1),
      },
    );
    await queue.recover();
    const job = await jobs.findOneByOrFail({ draftId: draft.id, kind: 'draft' });
    // Picked up again by this process: the three styles are rendered from the stored analysis.
    const finished = await waitForDraft(server, me, draft.id);
    expect(finished.status).toBe('ready');
    expect(finished.variants.map((v) => [v.style, v.status]).sort()).toEqual([
      ['creative', 'ready'],
      ['professional', 'ready'],
      ['relaxed', 'ready'],
    ]);
    await expect(jobs.findOneByOrFail({ id: job.id })).resolves.toMatchObject({
      status: 'done',
      leaseOwner: null,
      attempts: 2,
    });
  });
});
