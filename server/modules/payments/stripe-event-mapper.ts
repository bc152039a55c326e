import type { PaymentEvent, ReportedRefund } from './payment-events';
import { PaymentError } from './payments.errors';

/**
 * Stripe's webhook events in our words (see payment-events.ts). Pure: the gateway hands it the
 * verified event and, for a refunded charge, the charge's refunds it listed. Anything we act on
 * that lacks what we need is a 400 (`WEBHOOK_MALFORMED`), never a 500.
 */
type Json = Record<string, unknown>;

export interface StripeEventLike {
  id?: unknown;
  type?: unknown;
  data?: { object?: unknown } | null;
}

/** Event types whose object is a charge whose refunds must be listed before mapping. */
export const CHARGE_REFUND_EVENTS = new Set(['charge.refunded']);
/** Event types whose object is one refund. */
const REFUND_EVENTS = new Set(['refund.created', 'refund.updated', 'charge.refund.updated']);

export function eventObject(event: StripeEventLike): Json {
  const object = event.data?.object;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw PaymentError.webhookMalformed('the event has no data.object');
  }
  return object as Json;
}

export function toPaymentEvent(event: StripeEventLike, chargeRefunds: Json[] = []): PaymentEvent {
  if (typeof event.id !== 'string' || !event.id) throw PaymentError.webhookMalformed('no event id');
  if (typeof event.type !== 'string') throw PaymentError.webhookMalformed('no event type');
  const eventId = event.id;
  const type = event.type;
  switch (type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = eventObject(event);
      const paymentStatus = session.payment_status;
      const base = {
        eventId,
        sessionId: requiredString(session, 'id'),
        paymentIntentId: optionalString(session, 'payment_intent'),
        customerRef: optionalString(session, 'customer'),
      };
      if (type === 'checkout.session.async_payment_succeeded') {
        return { kind: 'checkout_paid', ...base };
      }
      if (paymentStatus === 'paid' || paymentStatus === 'no_payment_required') {
        return { kind: 'checkout_paid', ...base };
      }
      if (paymentStatus === 'unpaid') return { kind: 'checkout_processing', ...base };
      throw PaymentError.webhookMalformed(`unknown payment_status ${String(paymentStatus)}`);
    }
    case 'checkout.session.async_payment_failed':
      return {
        kind: 'checkout_failed',
        eventId,
        sessionId: requiredString(eventObject(event), 'id'),
      };
    case 'checkout.session.expired':
      return {
        kind: 'checkout_expired',
        eventId,
        sessionId: requiredString(eventObject(event), 'id'),
      };
    case 'payment_intent.payment_failed':
      return {
        kind: 'payment_failed',
        eventId,
        paymentIntentId: requiredString(eventObject(event), 'id'),
      };
    case 'account.updated': {
      const account = eventObject(event);
      return {
        kind: 'payout_account_updated',
        eventId,
        accountId: requiredString(account, 'id'),
        payoutsEnabled: account.payouts_enabled === true,
        detailsSubmitted: account.details_submitted === true,
      };
    }
    default:
      break;
  }
  if (CHARGE_REFUND_EVENTS.has(type)) {
    const charge = eventObject(event);
    const intent = requiredString(charge, 'payment_intent');
    return {
      kind: 'refunds_reported',
      eventId,
      refunds: chargeRefunds.map((refund) => toReportedRefund(refund, intent)),
    };
  }
  if (REFUND_EVENTS.has(type)) {
    return { kind: 'refunds_reported', eventId, refunds: [toReportedRefund(eventObject(event))] };
  }
  return { kind: 'unhandled', eventId, providerType: type };
}

/** A Stripe refund object as ours. Pending refunds count: Stripe has taken the money back. */
export function toReportedRefund(refund: Json, paymentIntentId?: string): ReportedRefund {
  const amount = refund.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
    throw PaymentError.webhookMalformed('a refund without a whole amount');
  }
  const metadata = (refund.metadata ?? {}) as Json;
  return {
    refundId: requiredString(refund, 'id'),
    paymentIntentId: optionalString(refund, 'payment_intent') ?? paymentIntentId ?? '',
    amountCents: amount,
    currency: requiredString(refund, 'currency').toUpperCase(),
    state: refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'settled',
    requestId: typeof metadata.refundRequestId === 'string' ? metadata.refundRequestId : null,
  };
}

function requiredString(object: Json, field: string): string {
  const value = optionalString(object, field);
  if (!value) throw PaymentError.webhookMalformed(`no ${field}`);
  return value;
}

/** A string id, or the id of an expanded object. */
function optionalString(object: Json, field: string): string | null {
  const value = object[field];
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'object' && value !== null && typeof (value as Json).id === 'string') {
    return (value as Json).id as string;
  }
  return null;
}
