import type { DataSource, EntityManager } from 'typeorm';
import { FixedClock } from '../../common/clock';
import type { PaymentEvent } from './payment-events';
import type { PaymentProvider } from './payment-provider';
import type { PaymentsRepository } from './payments.repository';
import { WebhookHandlers } from './webhook-handlers.service';
import { WebhookIntakeService } from './webhook-intake.service';

/** Webhook intake: the provider redelivers events, and each must change things exactly once. */
describe(WebhookIntakeService.name, () => {
  const failed: PaymentEvent = {
    kind: 'checkout_failed',
    eventId: 'evt_1',
    sessionId: 'cs_1',
  };
  let seen: Set<string>;
  let applied: string[];
  let sut: WebhookIntakeService;

  beforeEach(() => {
    seen = new Set();
    applied = [];
    const provider = {
      readWebhook: (body: Buffer) => Promise.resolve(JSON.parse(body.toString()) as PaymentEvent),
    } as unknown as PaymentProvider;
    const repository = {
      recordEvent: (_manager: EntityManager, eventId: string) => {
        if (seen.has(eventId)) return Promise.resolve(false);
        seen.add(eventId);
        return Promise.resolve(true);
      },
    } as unknown as PaymentsRepository;
    const dataSource = {
      transaction: (work: (manager: EntityManager) => Promise<unknown>) =>
        work({} as EntityManager),
    } as unknown as DataSource;
    const handlers = new WebhookHandlers();
    handlers.register('checkout_failed', (event) => {
      applied.push(event.sessionId);
      return Promise.resolve();
    });
    sut = new WebhookIntakeService(
      provider,
      repository,
      handlers,
      dataSource,
      new FixedClock('2026-03-02T10:00:00Z'),
    );
  });

  const deliver = (event: PaymentEvent) =>
    sut.receiveWebhook(Buffer.from(JSON.stringify(event)), 'signature');

  it('applies an event once and answers a redelivery as a duplicate that changes nothing', async () => {
    expect(await deliver(failed)).toMatchObject({ eventId: 'evt_1', result: 'applied' });
    expect(await deliver(failed)).toMatchObject({ eventId: 'evt_1', result: 'duplicate' });
    expect(applied).toEqual(['cs_1']);
  });

  it('applies a different event for the same session', async () => {
    await deliver(failed);
    await deliver({ ...failed, eventId: 'evt_2' });
    expect(applied).toEqual(['cs_1', 'cs_1']);
  });

  it('records an event nobody handles as ignored', async () => {
    expect(
      await deliver({ kind: 'checkout_expired', eventId: 'evt_3', sessionId: 'cs_1' }),
    ).toMatchObject({ result: 'ignored' });
    expect(applied).toEqual([]);
  });
});
