import {
  buildMimeMessage,
  decodeQuotedPrintable,
  encodeHeader,
  type MailMessage,
  quotedPrintable,
} from './mime-message';

function aMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    from: 'Lensbridge <no-reply@lensbridge.local>',
    to: { name: 'Ada Client', address: 'ada@example.com' },
    subject: 'Your session is confirmed',
    text: 'Hello Ada,\nyour session starts at 10:00.',
    html: '<p>Hello Ada,</p>',
    attachments: [],
    messageId: '0f8c2b7e-1111-4222-8333-944445555666@lensbridge.local',
    date: new Date('2030-05-14T08:00:00Z'),
    ...overrides,
  };
}

describe('buildMimeMessage', () => {
  it('has the RFC 5322 headers and text before HTML inside multipart/alternative', () => {
    const eml = buildMimeMessage(aMessage());
    expect(eml).toMatch(/^From: Lensbridge <no-reply@lensbridge.local>\r\n/);
    expect(eml).toContain('To: "Ada Client" <ada@example.com>\r\n');
    expect(eml).toContain('Date: Tue, 14 May 2030 08:00:00 +0000\r\n');
    expect(eml).toContain('MIME-Version: 1.0\r\n');
    expect(eml).toMatch(/Content-Type: multipart\/mixed; boundary="mixed-/);
    expect(eml.indexOf('text/plain')).toBeLessThan(eml.indexOf('text/html'));
    expect(eml.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(eml.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('attaches a calendar file as base64 that decodes back to the file', () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const eml = buildMimeMessage(
      aMessage({
        attachments: [
          { fileName: 'session.ics', contentType: 'text/calendar; method=PUBLISH', content: ics },
        ],
      }),
    );
    expect(eml).toContain('Content-Disposition: attachment; filename="session.ics"');
    const body = eml.split(
      'filename="session.ics"\r\nContent-Transfer-Encoding: base64\r\n\r\n',
    )[1]!;
    const base64 = body.split('\r\n--')[0]!.replace(/\r\n/g, '');
    expect(Buffer.from(base64, 'base64').toString()).toBe(ics);
  });

  it('encodes non-ASCII subjects and names so they survive any mail server', () => {
    const eml = buildMimeMessage(
      aMessage({ subject: 'Ihre Fotos — fertig ✓', to: { name: 'Zoë', address: 'z@example.com' } }),
    );
    expect(eml).toContain('Subject: =?UTF-8?B?');
    expect(eml).toContain(
      `To: =?UTF-8?B?${Buffer.from('Zoë').toString('base64')}?= <z@example.com>`,
    );
  });
});

describe('quotedPrintable', () => {
  it.each([
    ['plain ASCII', 'Hello there'],
    ['umlauts and symbols', 'Grüße aus Köln — €25.00 = fair'],
    ['a long line', 'x'.repeat(200) + 'é'.repeat(40)],
    ['trailing spaces', 'ends with space   '],
  ])('round-trips %s within 76-character lines', (_, text) => {
    const encoded = quotedPrintable(text);
    expect(encoded.split('\r\n').every((line) => line.length <= 76)).toBe(true);
    expect(decodeQuotedPrintable(encoded)).toBe(text);
  });

  it('encodes an equals sign', () => {
    expect(quotedPrintable('a=b')).toBe('a=3Db');
  });
});

describe('encodeHeader', () => {
  it('keeps ASCII as it is', () => {
    expect(encodeHeader('Proofs ready')).toBe('Proofs ready');
  });
});
