import { EMAIL_KINDS } from './email-plan';
import { type EmailContext, localTime, renderEmail } from './email-templates';

function aContext(overrides: Partial<EmailContext> = {}): EmailContext {
  return {
    kind: 'booking_confirmed',
    to: 'client',
    recipientName: 'Ada Client',
    photographerName: 'Lena Licht',
    clientName: 'Ada Client',
    packageName: 'Executive headshot',
    startsAt: new Date('2030-05-14T08:00:00Z'),
    zone: 'Europe/Berlin',
    zoneLabel: 'studio time',
    location: 'Torstraße 1, 10119 Berlin',
    paymentLabel: 'Pay at the studio — nothing is charged online',
    currency: 'EUR',
    includedImages: 5,
    dueDate: '2030-05-19',
    links: {
      booking: 'http://x/app/deliveries/1',
      gallery: 'http://x/app/deliveries/1',
      downloads: 'http://x/app/deliveries/1/download',
      review: 'http://x/app/deliveries/1#review',
    },
    details: {},
    ...overrides,
  };
}

describe('renderEmail', () => {
  it('states the session time in the recipient’s zone and names the zone', () => {
    const email = renderEmail(aContext());
    expect(email.text).toContain('Tuesday 14 May 2030, 10:00 (Europe/Berlin, CEST — studio time)');
    const tokyo = renderEmail(aContext({ zone: 'Asia/Tokyo', zoneLabel: 'your time' }));
    expect(tokyo.text).toContain('Tuesday 14 May 2030, 17:00 (Asia/Tokyo, GMT+9 — your time)');
  });

  it.each(EMAIL_KINDS)('writes %s as plain text and HTML with a link to act on', (kind) => {
    const email = renderEmail(aContext({ kind, details: { count: 7, extraCount: 2, rating: 5 } }));
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.text).toMatch(/^Hello Ada Client,/);
    expect(email.html).toContain('<p>Hello Ada Client,</p>');
    expect(email.text).toMatch(/: http:\/\/x\/app\/deliveries\/1/);
  });

  it('names the clashing event of the photographer’s own calendar and its local times', () => {
    const details = {
      summary: 'School play',
      calendarName: 'Lena private',
      from: '2030-05-14T07:30:00Z',
      until: '2030-05-14T09:00:00Z',
    };
    const email = renderEmail(aContext({ kind: 'calendar_conflict', to: 'photographer', details }));
    expect(email.subject).toBe(
      'Calendar clash: Executive headshot with Ada Client on Tuesday 14 May',
    );
    expect(email.text).toContain(
      '“School play” in your calendar “Lena private” (09:30–11:00) overlaps Executive headshot with Ada Client on Tuesday 14 May 2030, 10:00',
    );
    const overnight = renderEmail(
      aContext({
        kind: 'calendar_conflict',
        to: 'photographer',
        details: { ...details, summary: null, from: '2030-05-13T20:00:00Z' },
      }),
    );
    expect(overnight.text).toContain(
      'An event in your calendar “Lena private” (Monday 13 May 2030, 22:00 (Europe/Berlin, CEST — studio time) to',
    );
  });

  it('tells the client the refund of a cancellation in money', () => {
    const email = renderEmail(
      aContext({ kind: 'booking_cancelled', details: { refundCents: 12_000, refundPercent: 50 } }),
    );
    expect(email.text).toContain('Refund: €120.00 (50 % of what was paid)');
  });

  it('tells the photographer what extra photos cost and when finals are due', () => {
    const email = renderEmail(
      aContext({
        kind: 'selection_submitted',
        to: 'photographer',
        recipientName: 'Lena Licht',
        details: {
          count: 7,
          extraCount: 2,
          extraAmountCents: 5_000,
          extraChargeLabel: 'due at the studio',
        },
      }),
    );
    expect(email.text).toContain('2 of them are beyond the 5 included: €50.00 (due at the studio)');
    expect(email.text).toContain('Finals are due by Sunday 19 May 2030 (Europe/Berlin)');
  });

  it('escapes names in the HTML version', () => {
    const email = renderEmail(aContext({ recipientName: '<script>x</script>' }));
    expect(email.html).not.toContain('<script>');
  });

  it('formats a time across the DST change in local time', () => {
    expect(localTime(new Date('2030-03-31T00:30:00Z'), 'Europe/Berlin', 'studio time')).toBe(
      'Sunday 31 March 2030, 01:30 (Europe/Berlin, CET — studio time)',
    );
    expect(localTime(new Date('2030-03-31T01:30:00Z'), 'Europe/Berlin', 'studio time')).toBe(
      'Sunday 31 March 2030, 03:30 (Europe/Berlin, CEST — studio time)',
    );
  });
});
