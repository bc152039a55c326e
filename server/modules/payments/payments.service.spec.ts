import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import type { UsersService } from '../users/users.service';
import type { PaymentEvent } from './payment-events';
import type { PaymentProvider } from './payment-provider';
import { PaymentsService } from './payments.service';
import type { PaymentsRepository } from './payments.repository';
import { WebhookHandlers } from './webhook-handlers.service';

/** Webhook intake: the provider redelivers events, and each must change things exactly once. */
describe(PaymentsService.name, () => {
  const failed: PaymentEvent = {
    kind: 'checkout_failed',
    eventId: 'evt_1',
    sessionId: 'cs_1',
  };
  let seen: Set<string>;
  let applied: string[];
  let sut: PaymentsService;

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
    sut = new PaymentsService(
      {} as AppConfig,
      provider,
      repository,
      handlers,
      {} as UsersService,
      dataSource,
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
