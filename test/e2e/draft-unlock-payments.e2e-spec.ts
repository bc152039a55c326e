import request from 'supertest';
import type { App } from 'supertest/types';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft, waitForHd } from '../support/draft-fixtures';
import { FakeStripe } from '../support/fake-stripe/fake-stripe';
import { startTestAppWithStripe } from '../support/fake-stripe/stripe-test-app';
import type { TestApp } from '../support/test-app';

describe('AI draft HD unlock through Stripe Checkout (e2e)', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let server: App;
  let owner: SignedIn;

  beforeAll(async () => {
    t = await startTestAppWithStripe(fake, {
      DRAFT_UNLOCK_PRICE_CENTS: '900',
    });
    server = t.app.getHttpServer() as App;
    owner = await signUp(server, { role: 'client' });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('sells the HD unlock at the configured price and unlocks when the payment arrives', async () => {
    const options = await request(server).get('/api/payments/options').expect(200);
    expect(options.body).toEqual({
      provider: 'stripe',
      currency: 'EUR',
      draftUnlockPriceCents: 900,
    });

    const created = await uploadPhoto(server, owner, await photos.astronaut()).expect(202);
    const draft = await waitForDraft(server, owner, created.body.id);
    expect(draft.status).toBe('ready');
    const hdUrl = `/api/drafts/${draft.id}/variants/${draft.variants[0]!.id}/image?size=hd`;

    const unlock = await request(server)
      .post(`/api/drafts/${draft.id}/unlock`)
      .set(writeHeaders(owner))
      .expect(200);
    expect(unlock.body).toMatchObject({
      unlocked: false,
      method: 'stripe',
      checkoutUrl: expect.stringContaining(fake.baseUrl),
    });
    const session = fake
      .all('cs_test')
      .find((s) => (s.metadata as { referenceId?: string }).referenceId === draft.id)!;
    expect(session).toMatchObject({ amount_total: 900, currency: 'eur' });
    await request(server).get(hdUrl).set('Cookie', owner.cookie).expect(402);

    await fake.completeCheckout(session.id);
    const after = await request(server)
      .get(`/api/drafts/${draft.id}`)
      .set('Cookie', owner.cookie)
      .expect(200);
    expect(after.body.unlocked).toBe(true);
    // The payment asked for the HD images in its own transaction; the render queue makes them.
    await waitForHd(server, owner, draft.id);
    await request(server).get(hdUrl).set('Cookie', owner.cookie).expect(200);

    const again = await request(server)
      .post(`/api/drafts/${draft.id}/unlock`)
      .set(writeHeaders(owner))
      .expect(200);
    expect(again.body).toMatchObject({ unlocked: true, method: 'stripe' });
  });
});
