import { DateTime } from 'luxon';
import { formatMoney } from '../../../../shared/money';
import type { EmailKind, Recipient } from './email-plan';

export interface EmailContext {
  kind: EmailKind;
  to: Recipient;
  recipientName: string;
  photographerName: string;
  clientName: string;
  packageName: string;
  startsAt: Date;
  /** The zone the recipient reads times in, and what to call it ("studio time", "your time"). */
  zone: string;
  zoneLabel: string;
  location: string;
  paymentLabel: string;
  currency: string;
  includedImages: number;
  /** Delivery promise (a local date in the studio zone), e.g. 2030-05-19. */
  dueDate: string;
  links: { booking: string; gallery: string; downloads: string; review: string };
  /** What the triggering event recorded (refund, selection, rating…). */
  details: Record<string, unknown>;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** What one email says, before it is laid out as text and HTML. */
export interface EmailContent {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}

/** "Tuesday 14 May 2030, 10:00 (Europe/Berlin, CEST — studio time)". */
export function localTime(at: Date, zone: string, label: string): string {
  const local = DateTime.fromJSDate(at, { zone }).setLocale('en-GB');
  return `${local.toFormat('cccc d LLLL yyyy, HH:mm')} (${zone}, ${local.offsetNameShort} — ${label})`;
}

/** "16:30–18:00" when both ends fall on the session's local day, else both in full. */
function timeRange(from: Date, until: Date, day: Date, zone: string, label: string): string {
  const local = (at: Date) => DateTime.fromJSDate(at, { zone });
  const sameDay = (at: Date) => local(at).hasSame(local(day), 'day');
  if (sameDay(from) && sameDay(until)) {
    return `${local(from).toFormat('HH:mm')}–${local(until).toFormat('HH:mm')}`;
  }
  return `${localTime(from, zone, label)} to ${localTime(until, zone, label)}`;
}

/** "Tuesday 14 May". */
function localDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale('en-GB').toFormat('cccc d LLLL');
}

export function localDate(isoDate: string, zone: string): string {
  return DateTime.fromISO(isoDate, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

function contentOf(c: EmailContext): EmailContent {
  const when = localTime(c.startsAt, c.zone, c.zoneLabel);
  const other = c.to === 'client' ? c.photographerName : c.clientName;
  const money = (cents: unknown) => formatMoney(Number(cents ?? 0), c.currency);
  const session = `${c.packageName} with ${other}`;
  switch (c.kind) {
    case 'booking_confirmed':
      return {
        subject:
          c.to === 'client'
            ? `Confirmed: your session with ${c.photographerName}`
            : `New booking: ${c.clientName}, ${when.split(' (')[0]}`,
        paragraphs: [
          `${session} is confirmed for ${when}.`,
          `Where: ${c.location}.`,
          `Payment: ${c.paymentLabel}.`,
          'The calendar file is attached; open it to add the session to your calendar.',
        ],
        action: { label: 'View the booking', url: c.links.booking },
      };
    case 'booking_requested':
      return {
        subject: `New request: ${c.clientName}, ${when.split(' (')[0]}`,
        paragraphs: [
          `${c.clientName} asks to book ${c.packageName} on ${when}.`,
          `Where: ${c.location}.`,
          'The slot is kept for them until you approve or decline the request.',
        ],
        action: { label: 'Approve or decline', url: c.links.booking },
      };
    case 'booking_declined':
      return {
        subject: `Not available: ${session}`,
        paragraphs: [
          `${c.photographerName} cannot take the session on ${when}.`,
          ...(typeof c.details.reason === 'string' && c.details.reason
            ? [`Their note: “${c.details.reason}”`]
            : []),
          'Nothing was charged. You can pick another time or another photographer.',
        ],
        action: { label: 'Find another time', url: c.links.booking },
      };
    case 'booking_rescheduled':
      return {
        subject: `Moved: ${session}`,
        paragraphs: [
          `${session} now takes place on ${when}.`,
          `Where: ${c.location}.`,
          'The updated calendar file is attached; it replaces the earlier one.',
        ],
        action: { label: 'View the booking', url: c.links.booking },
      };
    case 'booking_cancelled': {
      const refund = Number(c.details.refundCents ?? 0);
      return {
        subject: `Cancelled: ${session}`,
        paragraphs: [
          `${session} on ${when} has been cancelled.`,
          refund > 0
            ? `Refund: ${money(refund)} (${String(c.details.refundPercent)} % of what was paid) goes back to the original payment method.`
            : 'Nothing was paid online, so there is nothing to refund.',
        ],
        action: { label: 'View the booking', url: c.links.booking },
      };
    }
    case 'calendar_conflict': {
      const title = c.details.summary ? `“${String(c.details.summary)}”` : 'An event';
      const from = new Date(String(c.details.from));
      const until = new Date(String(c.details.until));
      return {
        subject: `Calendar clash: ${session} on ${localDay(c.startsAt, c.zone)}`,
        paragraphs: [
          `${title} in your calendar “${String(c.details.calendarName ?? '')}”${
            Number.isNaN(from.getTime() + until.getTime())
              ? ''
              : ` (${timeRange(from, until, c.startsAt, c.zone, c.zoneLabel)})`
          } overlaps ${session} on ${when}.`,
          'The booking stands and your client has not been told. Move your own event, or reschedule or cancel the booking from its page.',
        ],
        action: { label: 'View the booking', url: c.links.booking },
      };
    }
    case 'balance_pay_link':
      return {
        subject: `Please confirm the balance for ${session}`,
        paragraphs: [
          `Your bank asked you to confirm the balance of ${money(c.details.amountCents)} for ${session} on ${when}, so we could not charge your saved card.`,
          'Open the secure payment page to pay it. Nothing else about your booking changes.',
        ],
        action: { label: 'Pay the balance', url: String(c.details.payUrl ?? c.links.booking) },
      };
    case 'late_payment_refunded':
      return {
        subject: `Refunded: your payment for ${session}`,
        paragraphs: [
          `Your payment of ${money(c.details.amountCents)} for ${session} on ${when} arrived after the time was no longer held for you.`,
          'We refunded it in full to the original payment method. Pick a time again to book.',
        ],
        action: { label: 'View the booking', url: c.links.booking },
      };
    case 'payment_failed':
      return {
        subject: `Payment failed: ${session}`,
        paragraphs: [
          `Your bank did not complete the payment of ${money(c.details.amountCents)} for ${session} on ${when}.`,
          'Nothing was charged, and the time is no longer held for you. Pick a time again and pay with another method to book.',
        ],
        action: { label: 'View the booking', url: c.links.booking },
      };
    case 'session_reminder':
      return {
        subject: `Tomorrow: ${session}`,
        paragraphs: [
          `A reminder: ${session} starts ${when}.`,
          `Where: ${c.location}.`,
          c.to === 'client'
            ? 'Bring the outfits you want to be photographed in.'
            : `Payment: ${c.paymentLabel}.`,
        ],
        action: { label: 'View the booking', url: c.links.booking },
      };
    case 'proofs_ready':
      return {
        subject: `Your proofs from ${c.photographerName} are ready`,
        paragraphs: [
          `${c.photographerName} has shared the proofs of your session on ${when}.`,
          `Choose your favourites: ${c.includedImages} retouched images are included in your package; more are possible at the package's extra-image price.`,
          `Your finals are promised by ${localDate(c.dueDate, c.zone)}.`,
        ],
        action: { label: 'Choose your favourites', url: c.links.gallery },
      };
    case 'selection_submitted': {
      const extra = Number(c.details.extraCount ?? 0);
      return {
        subject: `${c.clientName} chose ${String(c.details.count)} favourites`,
        paragraphs: [
          `${c.clientName} selected ${String(c.details.count)} photos from the session on ${when}.`,
          extra > 0
            ? `${extra} of them are beyond the ${c.includedImages} included: ${money(c.details.extraAmountCents)} (${String(c.details.extraChargeLabel ?? '')}).`
            : `That is within the ${c.includedImages} images included in the package.`,
          `Finals are due by ${localDate(c.dueDate, c.zone)} (${c.zone}).`,
        ],
        action: { label: 'See the selection', url: c.links.gallery },
      };
    }
    case 'finals_delivered':
      return {
        subject: `Your photos from ${c.photographerName} are ready to download`,
        paragraphs: [
          `${c.photographerName} has delivered the retouched finals of your session on ${when}.`,
          'Download each photo in full resolution, or all of them as one ZIP file. Each file carries its licence and the photographer’s credit in its metadata.',
        ],
        action: { label: 'Download your photos', url: c.links.downloads },
      };
    case 'review_request':
      return {
        subject: `How was your session with ${c.photographerName}?`,
        paragraphs: [
          `Your photos are delivered. A short review helps ${c.photographerName} and other clients.`,
          'It takes a minute: a rating from 1 to 5 and a few words.',
        ],
        action: { label: 'Write a review', url: c.links.review },
      };
    case 'review_posted':
      return {
        subject: `${c.clientName} rated your session ${String(c.details.rating)}/5`,
        paragraphs: [
          `${c.clientName} reviewed the session on ${when}: ${'★'.repeat(Number(c.details.rating ?? 0))}.`,
          'You can reply once, publicly, from the gallery page.',
        ],
        action: { label: 'Read and reply', url: c.links.gallery },
      };
  }
}

/** The plain-text and HTML versions of one email, with every time in the recipient's zone. */
export function renderEmail(context: EmailContext): RenderedEmail {
  return layoutEmail(context.recipientName, contentOf(context));
}

/** The house layout: greeting, paragraphs, one action button, footer; text and HTML alike. */
export function layoutEmail(recipientName: string, content: EmailContent): RenderedEmail {
  const greeting = `Hello ${recipientName},`;
  const footer = 'Lensbridge — booking and delivery for professional portraits.';
  const text = [
    greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '-- ',
    footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:Helvetica,Arial,sans-serif;color:#1d1d22;line-height:1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#1d1d22;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`
      : '',
    `<p style="color:#6b6b76;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text, html };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
