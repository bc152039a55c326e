import Stripe from 'stripe';
import request from 'supertest';
import type { App } from 'supertest/types';
import { signUp, writeHeaders } from '../support/accounts';
import { FakeStripe } from '../support/fake-stripe/fake-stripe';
import { startTestAppWithStripe } from '../support/fake-stripe/stripe-test-app';
import { startTestApp, type TestApp } from '../support/test-app';

describe('payments: Stripe webhooks and photographer payout onboarding (e2e)', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestAppWithStripe(fake);
    server = t.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('onboards a photographer: hosted link, then account.updated makes payouts active', async () => {
    const photographer = await signUp(server, { role: 'photographer' });
    const before = await request(server)
      .get('/api/payments/connect/status')
      .set('Cookie', photographer.cookie)
      .expect(200);
    expect(before.body).toMatchObject({
      provider: 'stripe',
      status: 'not_connected',
      payoutsEnabled: false,
    });

    const link = await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(photographer))
      .expect(201);
    expect(link.body.url).toContain(fake.baseUrl);
    const again = await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(photographer))
      .expect(201);
    expect(again.body.url).toContain(fake.all('acct')[0]!.id);
    expect(fake.all('acct')).toHaveLength(1);

    const onboarding = await request(server)
      .get('/api/payments/connect/status')
      .set('Cookie', photographer.cookie);
    expect(onboarding.body.status).toBe('onboarding');

    const accountId = fake.all('acct')[0]!.id;
    const delivery = await fake.deliver(await fake.enableAccount(accountId, { deliver: false }));
    expect(delivery).toEqual({ status: 200, body: expect.objectContaining({ result: 'applied' }) });
    const after = await request(server)
      .get('/api/payments/connect/status')
      .set('Cookie', photographer.cookie);
    expect(after.body).toMatchObject({ status: 'active', payoutsEnabled: true });
  });

  it('applies an event once however often it is delivered', async () => {
    const event = fake.event('account.updated', {
      id: 'acct_unknown',
      object: 'account',
      payouts_enabled: true,
    });
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await fake.deliver(event));
    expect(results.map((r) => (r.body as { result: string }).result)).toEqual([
      'applied',
      'duplicate',
      'duplicate',
    ]);
  });

  it('acknowledges event types it does not handle without doing anything', async () => {
    const delivery = await fake.deliver(
      fake.event('customer.created', { id: 'cus_1', object: 'customer' }),
    );
    expect(delivery).toEqual({ status: 200, body: expect.objectContaining({ result: 'ignored' }) });
  });

  it.each([
    [
      'a wrong secret',
      (payload: string) =>
        Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' }),
    ],
    [
      'a stale timestamp',
      (payload: string) =>
        Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: fake.webhookSecret,
          timestamp: Math.floor(Date.now() / 1000) - 3600,
        }),
    ],
    ['a malformed header', () => 't=abc,v1=nothing'],
  ])('refuses a webhook with %s with 400, never 500', async (_, sign) => {
    const payload = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'account.updated',
      data: { object: { id: 'acct_x' } },
    });
    const response = await request(server)
      .post('/api/payments/stripe/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', sign(payload))
      .send(payload)
      .expect(400);
    expect(response.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses a webhook without a signature', async () => {
    const response = await request(server)
      .post('/api/payments/stripe/webhook')
      .send({ id: 'evt_x' })
      .expect(400);
    expect(response.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('answers 503 when Stripe fails, and the retry creates exactly one account', async () => {
    const photographer = await signUp(server, { role: 'photographer' });
    const accountsBefore = fake.all('acct').length;
    fake.injectFault({ status: 500 }, 3); // the SDK retries twice
    const failed = await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(photographer))
      .expect(503);
    expect(failed.body.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(photographer))
      .expect(201);
    expect(fake.all('acct')).toHaveLength(accountsBefore + 1);
  });

  it('keeps payout onboarding for photographers (403 for a client)', async () => {
    const client = await signUp(server, { role: 'client' });
    await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(client))
      .expect(403);
  });
});

describe('payments without Stripe keys (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());

  it('runs on the manual provider and says online payouts are not set up', async () => {
    const photographer = await signUp(server, { role: 'photographer' });
    const status = await request(server)
      .get('/api/payments/connect/status')
      .set('Cookie', photographer.cookie)
      .expect(200);
    expect(status.body).toMatchObject({ provider: 'manual', status: 'not_connected' });
    const response = await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(photographer))
      .expect(409);
    expect(response.body.code).toBe('ONLINE_PAYMENTS_DISABLED');
  });
});
