import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../test-app';
import type { FakeStripe } from './fake-stripe';

/**
 * The whole app with Stripe switched on and pointed at `fake`, listening on loopback so the
 * fake can deliver signed webhooks to it.
 */
export async function startTestAppWithStripe(
  fake: FakeStripe,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const stripeBase = fake.baseUrl || (await fake.start());
  const t = await startTestApp({
    STRIPE_SECRET_KEY: 'sk_test_lensbridge',
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_BASE: stripeBase,
    ...env,
  });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  fake.webhookUrl = `http://127.0.0.1:${port}/api/payments/stripe/webhook`;
  return t;
}
