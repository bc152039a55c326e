import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { parseStripeForm } from './form';

/* A local stand-in for the Stripe API, enough for Lensbridge's flows: Checkout Sessions
 * (create/retrieve/expire + a hosted page), Payment Intents (off-session charges), Refunds,
 * Transfers and reversals, Accounts and Account Links. The real `stripe` SDK talks to it
 * (host/port/protocol options) and it delivers signed webhooks to the app. Faults (500s, slow
 * answers) can be injected. It keeps everything in memory; one instance per test file. */

type Obj = Record<string, unknown> & { id: string };
type Params = Record<string, unknown>;

export interface FakeStripeEvent {
  id: string;
  type: string;
  created: number;
  data: { object: Obj };
}

interface Fault {
  status?: number;
  delayMs?: number;
}

export class FakeStripe {
  readonly objects = new Map<string, Obj>();
  readonly events: FakeStripeEvent[] = [];
  readonly requests: { method: string; path: string; idempotencyKey?: string; params: Params }[] =
    [];
  /** Where webhooks go; set it once the app listens. */
  webhookUrl?: string;
  /** Customers whose saved card needs the customer present (off-session charges fail). */
  readonly cardsNeedingAuthentication = new Set<string>();
  /**
   * Deliver the webhooks an API call causes (e.g. `charge.refunded` for a refund) before
   * answering the call, as Stripe may: the app hears of the refund first from the webhook.
   */
  webhooksBeforeAnswer = false;
  private readonly idempotent = new Map<string, { status: number; body: unknown }>();
  private readonly faults: Fault[] = [];
  private server?: http.Server;
  private counter = 0;
  private url = '';

  constructor(readonly webhookSecret = 'whsec_fake_lensbridge') {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  get baseUrl(): string {
    return this.url;
  }

  /** The next `count` API calls answer with `status` (default 500) and/or after a delay. */
  injectFault(fault: Fault, count = 1): void {
    for (let i = 0; i < count; i += 1) this.faults.push(fault);
  }

  get<T = Obj>(id: string): T {
    const found = this.objects.get(id);
    if (!found) throw new Error(`FakeStripe has no object ${id}`);
    return found as unknown as T;
  }

  all(prefix: string): Obj[] {
    return [...this.objects.values()].filter((o) => o.id.startsWith(prefix));
  }

  /**
   * What happens when the customer pays on the hosted page: the payment intent succeeds, the
   * card is saved on a customer, the session completes. Returns the events (delivered to the
   * webhook URL unless `deliver` is false).
   */
  async completeCheckout(
    sessionId: string,
    options: { deliver?: boolean; method?: 'card' | 'sepa_debit' } = {},
  ): Promise<FakeStripeEvent[]> {
    const session = this.get(sessionId);
    if (session.status !== 'open')
      throw new Error(`Session ${sessionId} is ${String(session.status)}`);
    const delayed = options.method === 'sepa_debit';
    const intentData = (session.payment_intent_data ?? {}) as Params;
    const customer = this.store('cus', {
      object: 'customer',
      email: session.customer_email ?? null,
    });
    const paymentMethod = this.store('pm', {
      object: 'payment_method',
      customer: customer.id,
      type: delayed ? 'sepa_debit' : 'card',
    });
    const intent = this.createIntent({
      amount: session.amount_total,
      currency: session.currency,
      customer: customer.id,
      payment_method: paymentMethod.id,
      transfer_group: intentData.transfer_group ?? null,
      metadata: { ...(intentData.metadata as Params | undefined) },
      // A delayed method's money arrives days later (settleDelayedPayment).
      status: delayed ? 'processing' : 'succeeded',
    });
    Object.assign(session, {
      status: 'complete',
      payment_status: delayed ? 'unpaid' : 'paid',
      payment_intent: intent.id,
      customer: customer.id,
    });
    const event = this.event('checkout.session.completed', session);
    if (options.deliver !== false) await this.deliver(event);
    return [event];
  }

  /** The bank's answer for a delayed method (SEPA Direct Debit): the money arrives or not. */
  async settleDelayedPayment(
    sessionId: string,
    outcome: 'succeeded' | 'failed',
    options: { deliver?: boolean } = {},
  ): Promise<FakeStripeEvent> {
    const session = this.get(sessionId);
    const intent = this.get(String(session.payment_intent));
    if (intent.status !== 'processing')
      throw new Error(`Intent ${intent.id} is ${String(intent.status)}`);
    if (outcome === 'succeeded') {
      Object.assign(intent, { status: 'succeeded' });
      this.chargeFor(intent);
      Object.assign(session, { payment_status: 'paid' });
    } else {
      Object.assign(intent, { status: 'requires_payment_method' });
    }
    const event = this.event(
      outcome === 'succeeded'
        ? 'checkout.session.async_payment_succeeded'
        : 'checkout.session.async_payment_failed',
      session,
    );
    if (options.deliver !== false) await this.deliver(event);
    return event;
  }

  /**
   * A refund made by hand in Stripe's Dashboard (not through the API by the app): Stripe sends
   * `charge.refunded` and `refund.created` for it like for any other.
   */
  async dashboardRefund(
    paymentIntentId: string,
    amount: number,
    options: { deliver?: boolean } = {},
  ): Promise<{ refund: Obj; events: FakeStripeEvent[] }> {
    const before = this.events.length;
    const refund = this.refund({ payment_intent: paymentIntentId, amount: String(amount) });
    const events = this.events.slice(before);
    if (options.deliver !== false) for (const event of events) await this.deliver(event);
    return { refund, events };
  }

  /** Checkout's own expiry (the customer never paid). */
  async expireCheckoutByTime(
    sessionId: string,
    options: { deliver?: boolean } = {},
  ): Promise<FakeStripeEvent> {
    const session = this.get(sessionId);
    Object.assign(session, { status: 'expired' });
    const event = this.event('checkout.session.expired', session);
    if (options.deliver !== false) await this.deliver(event);
    return event;
  }

  /** The connected account finished onboarding and can be paid out. */
  async enableAccount(
    accountId: string,
    options: { deliver?: boolean } = {},
  ): Promise<FakeStripeEvent> {
    const account = this.get(accountId);
    Object.assign(account, {
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
    });
    const event = this.event('account.updated', account);
    if (options.deliver !== false) await this.deliver(event);
    return event;
  }

  /** Posts an event to the app, signed as Stripe would. Returns the app's answer. */
  async deliver(
    event: FakeStripeEvent,
    signature?: string,
  ): Promise<{ status: number; body: unknown }> {
    if (!this.webhookUrl) throw new Error('FakeStripe.webhookUrl is not set');
    const payload = JSON.stringify({ object: 'event', api_version: Stripe.API_VERSION, ...event });
    const header =
      signature ??
      Stripe.webhooks.generateTestHeaderString({ payload, secret: this.webhookSecret });
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload,
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  event(type: string, object: Obj): FakeStripeEvent {
    const event = {
      id: this.nextId('evt'),
      type,
      created: Math.floor(Date.now() / 1000),
      data: { object: structuredClone(object) },
    };
    this.events.push(event);
    return event;
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => resolve(data));
    });
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/pay/')) return this.hostedPage(method, url, res);

    const params = parseStripeForm(method === 'GET' ? url.searchParams.toString() : body);
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    this.requests.push({ method, path: url.pathname, idempotencyKey, params });

    const fault = this.faults.shift();
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.status) return send(res, fault.status, apiError('api_error', 'Injected fault'));

    const replayKey = idempotencyKey && `${method} ${url.pathname} ${idempotencyKey}`;
    const replay = replayKey ? this.idempotent.get(replayKey) : undefined;
    if (replay) {
      res.setHeader('idempotent-replayed', 'true');
      return send(res, replay.status, replay.body);
    }
    let result: { status: number; body: unknown };
    const eventsBefore = this.events.length;
    try {
      result = { status: 200, body: this.route(method, url.pathname, params) };
      if (this.webhooksBeforeAnswer) {
        for (const event of this.events.slice(eventsBefore)) await this.deliver(event);
      }
    } catch (error) {
      result =
        error instanceof StripeApiError
          ? { status: error.status, body: error.body }
          : { status: 500, body: apiError('api_error', String(error)) };
    }
    if (replayKey && result.status < 500) this.idempotent.set(replayKey, result);
    send(res, result.status, result.body);
  }

  private route(method: string, path: string, p: Params): unknown {
    const [, version, resource, id, action, subId] = path.split('/');
    if (version !== 'v1') throw notFound(path);
    if (resource === 'checkout') return this.checkout(method, id, action, subId, p);
    const key = `${method} ${resource}${id ? '/:id' : ''}${action ? `/${action}` : ''}`;
    switch (key) {
      case 'POST payment_intents':
        return this.offSessionCharge(p);
      case 'GET payment_intents/:id':
        return this.get(id!);
      case 'POST refunds':
        return this.refund(p);
      case 'GET refunds':
        return this.listRefunds(p);
      case 'POST transfers':
        return this.store('tr', {
          object: 'transfer',
          amount: int(p.amount),
          currency: p.currency,
          destination: p.destination,
          transfer_group: p.transfer_group ?? null,
          amount_reversed: 0,
          reversed: false,
          metadata: p.metadata ?? {},
        });
      case 'POST transfers/:id/reversals':
        return this.reverse(id!, p);
      case 'POST accounts':
        return this.store('acct', {
          object: 'account',
          type: p.type ?? 'express',
          email: p.email ?? null,
          charges_enabled: false,
          payouts_enabled: false,
          details_submitted: false,
          metadata: p.metadata ?? {},
        });
      case 'GET accounts/:id':
        return this.get(id!);
      case 'POST account_links':
        return {
          object: 'account_link',
          url: `${this.url}/pay/onboarding/${String(p.account)}?return=${encodeURIComponent(String(p.return_url))}`,
          expires_at: Math.floor(Date.now() / 1000) + 300,
        };
      default:
        throw notFound(path);
    }
  }

  private checkout(
    method: string,
    sessions?: string,
    id?: string,
    action?: string,
    p: Params = {},
  ): unknown {
    if (sessions !== 'sessions') throw notFound(`/v1/checkout/${sessions}`);
    if (method === 'POST' && !id) return this.createSession(p);
    if (method === 'GET' && id && !action) return this.get(id);
    if (method === 'POST' && id && action === 'expire') {
      const session = this.get(id);
      if (session.status !== 'open') {
        throw new StripeApiError(
          400,
          apiError(
            'invalid_request_error',
            `Only open sessions can be expired; this one is ${String(session.status)}.`,
          ),
        );
      }
      session.status = 'expired';
      this.event('checkout.session.expired', session);
      return session;
    }
    throw notFound(`/v1/checkout/sessions/${id ?? ''}`);
  }

  private createSession(p: Params): Obj {
    const items = (p.line_items ?? []) as Params[];
    const amount = items.reduce((sum, item) => {
      const price = (item.price_data ?? {}) as Params;
      return sum + int(price.unit_amount) * int(item.quantity ?? 1);
    }, 0);
    const currency = String(((items[0]?.price_data ?? {}) as Params).currency ?? 'eur');
    if (!p.success_url || !p.cancel_url) {
      throw new StripeApiError(
        400,
        apiError('invalid_request_error', 'success_url and cancel_url are required'),
      );
    }
    const expiresAt = p.expires_at ? int(p.expires_at) : Math.floor(Date.now() / 1000) + 24 * 3600;
    const session = this.store('cs_test', {
      object: 'checkout.session',
      mode: p.mode ?? 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      currency,
      customer: null,
      customer_email: p.customer_email ?? null,
      client_reference_id: p.client_reference_id ?? null,
      metadata: p.metadata ?? {},
      payment_intent: null,
      payment_intent_data: p.payment_intent_data ?? {},
      success_url: p.success_url,
      cancel_url: p.cancel_url,
      expires_at: expiresAt,
      line_items: items,
    });
    session.url = `${this.url}/pay/${session.id}`;
    return session;
  }

  private createIntent(fields: Params): Obj {
    const intent = this.store('pi', {
      object: 'payment_intent',
      amount_received: 0,
      latest_charge: null,
      ...fields,
    });
    if (intent.status === 'succeeded') this.chargeFor(intent);
    return intent;
  }

  private chargeFor(intent: Obj): Obj {
    const charge = this.store('ch', {
      object: 'charge',
      amount: intent.amount,
      amount_refunded: 0,
      refunded: false,
      currency: intent.currency,
      payment_intent: intent.id,
      transfer_group: intent.transfer_group ?? null,
    });
    Object.assign(intent, { amount_received: intent.amount, latest_charge: charge.id });
    return charge;
  }

  private offSessionCharge(p: Params): Obj {
    const customer = String(p.customer ?? '');
    if (p.off_session === 'true' && this.cardsNeedingAuthentication.has(customer)) {
      const intent = this.createIntent({
        amount: int(p.amount),
        currency: p.currency,
        customer,
        payment_method: p.payment_method,
        transfer_group: p.transfer_group ?? null,
        metadata: p.metadata ?? {},
        status: 'requires_payment_method',
      });
      this.event('payment_intent.payment_failed', intent);
      throw new StripeApiError(402, {
        error: {
          type: 'card_error',
          code: 'authentication_required',
          message: 'This payment requires the customer to authenticate.',
          payment_intent: intent,
        },
      });
    }
    const intent = this.createIntent({
      amount: int(p.amount),
      currency: p.currency,
      customer,
      payment_method: p.payment_method,
      transfer_group: p.transfer_group ?? null,
      metadata: p.metadata ?? {},
      status: p.confirm === 'true' ? 'succeeded' : 'requires_confirmation',
    });
    if (intent.status === 'succeeded') this.event('payment_intent.succeeded', intent);
    return intent;
  }

  private refund(p: Params): Obj {
    const intent = this.get(String(p.payment_intent));
    const charge = this.get(String(intent.latest_charge));
    const remaining = int(charge.amount) - int(charge.amount_refunded);
    const amount = p.amount === undefined ? remaining : int(p.amount);
    if (amount <= 0 || amount > remaining) {
      throw new StripeApiError(
        400,
        apiError(
          'invalid_request_error',
          `Refund of ${amount} exceeds the ${remaining} left on the charge.`,
          'amount_too_large',
        ),
      );
    }
    charge.amount_refunded = int(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund = this.store('re', {
      object: 'refund',
      amount,
      currency: intent.currency,
      payment_intent: intent.id,
      charge: charge.id,
      status: 'succeeded',
      metadata: p.metadata ?? {},
    });
    // Like Stripe's current API versions, the charge in the event does not list its refunds.
    this.event('charge.refunded', charge);
    this.event('refund.created', refund);
    return refund;
  }

  private listRefunds(p: Params): unknown {
    const data = this.all('re_')
      .filter(
        (r) =>
          (p.charge === undefined || r.charge === p.charge) &&
          (p.payment_intent === undefined || r.payment_intent === p.payment_intent),
      )
      .reverse();
    return { object: 'list', data, has_more: false, url: '/v1/refunds' };
  }

  private reverse(transferId: string, p: Params): Obj {
    const transfer = this.get(transferId);
    const amount =
      p.amount === undefined ? int(transfer.amount) - int(transfer.amount_reversed) : int(p.amount);
    if (amount > int(transfer.amount) - int(transfer.amount_reversed)) {
      throw new StripeApiError(
        400,
        apiError('invalid_request_error', 'Reversal exceeds the transfer.'),
      );
    }
    transfer.amount_reversed = int(transfer.amount_reversed) + amount;
    transfer.reversed = transfer.amount_reversed === transfer.amount;
    return this.store('trr', {
      object: 'transfer_reversal',
      amount,
      transfer: transfer.id,
      metadata: p.metadata ?? {},
    });
  }

  private hostedPage(method: string, url: URL, res: http.ServerResponse): void {
    const [, , kind, id] = url.pathname.split('/');
    if (kind === 'onboarding') {
      void this.enableAccount(id!).catch(() => undefined);
      res.writeHead(303, { location: url.searchParams.get('return') ?? '/' }).end();
      return;
    }
    const session = this.objects.get(kind!);
    if (!session) return void res.writeHead(404).end('No such checkout session');
    if (method === 'POST') {
      const complete =
        session.status === 'open' ? this.completeCheckout(session.id) : Promise.resolve([]);
      void complete.then(() => {
        const target = String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id);
        res.writeHead(303, { location: target }).end();
      });
      return;
    }
    const amount = (int(session.amount_total) / 100).toFixed(2);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
<body style="font-family:sans-serif;max-width:28rem;margin:4rem auto">
<p><strong>Test payments</strong> — a local stand-in for Stripe Checkout.</p>
<h1>Pay ${amount} ${String(session.currency).toUpperCase()}</h1>
<p>Status: ${String(session.status)}</p>
<form method="post"><button type="submit">Pay</button></form>
<p><a href="${String(session.cancel_url)}">Cancel and go back</a></p>
</body></html>`);
  }

  private store(prefix: string, fields: Params): Obj {
    const object = {
      id: this.nextId(prefix),
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      ...fields,
    } as Obj;
    this.objects.set(object.id, object);
    return object;
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter.toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`;
  }
}

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(JSON.stringify(body));
  }
}

function apiError(type: string, message: string, code?: string) {
  return { error: { type, message, ...(code ? { code } : {}) } };
}

function notFound(path: string): StripeApiError {
  return new StripeApiError(
    404,
    apiError('invalid_request_error', `Unrecognized request URL (${path}).`),
  );
}

function int(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new StripeApiError(
      400,
      apiError('invalid_request_error', `Invalid integer: ${String(value)}`),
    );
  return Math.trunc(n);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${Date.now()}` });
  res.end(JSON.stringify(body));
}
