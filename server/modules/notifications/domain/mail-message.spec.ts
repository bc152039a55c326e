import { type AddressObject, simpleParser } from 'mailparser';
import { composeMail, type MailMessage } from './mail-message';

const aMessage = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  from: 'Lensbridge <bookings@lensbridge.test>',
  to: { name: 'Ada Lovelace', address: 'ada@example.com' },
  subject: 'Confirmed: your session with Studio Nord',
  text: 'Hello Ada,\n\nYour session is confirmed.',
  html: '<p>Hello Ada,</p><p>Your session is confirmed.</p>',
  attachments: [],
  messageId: '6f1c2a9e-1111-4222-8333-444455556666@lensbridge.local',
  date: new Date('2030-05-14T08:00:00Z'),
  ...overrides,
});

const recipients = (to: AddressObject | AddressObject[] | undefined) =>
  [to ?? []].flat().flatMap((group) => group.value.map((v) => [v.name, v.address]));

describe('composeMail', () => {
  it('writes one recipient, the subject, text before HTML, and the message id', async () => {
    const raw = await composeMail(aMessage());
    const parsed = await simpleParser(raw);
    expect(recipients(parsed.to)).toEqual([['Ada Lovelace', 'ada@example.com']]);
    expect(parsed.subject).toBe('Confirmed: your session with Studio Nord');
    expect(parsed.text?.trim()).toBe('Hello Ada,\n\nYour session is confirmed.');
    expect(parsed.html).toContain('<p>Your session is confirmed.</p>');
    expect(parsed.messageId).toBe('<6f1c2a9e-1111-4222-8333-444455556666@lensbridge.local>');
    expect(parsed.date?.toISOString()).toBe('2030-05-14T08:00:00.000Z');
    expect(raw.indexOf('text/plain')).toBeLessThan(raw.indexOf('text/html'));
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
  });

  it('keeps a display name that looks like addresses one name of one recipient', async () => {
    const raw = await composeMail(
      aMessage({ to: { name: 'Eve <evil@attacker.test>, Bob', address: 'bob@example.com' } }),
    );
    const parsed = await simpleParser(raw);
    expect(recipients(parsed.to)).toEqual([['Eve <evil@attacker.test>, Bob', 'bob@example.com']]);
    expect(raw).toMatch(/^To: "Eve <evil@attacker\.test>, Bob" <bob@example\.com>$/m);
  });

  it('cannot be given a second header through a line break in a name or subject', async () => {
    const raw = await composeMail(
      aMessage({
        to: { name: 'Mallory\r\nBcc: all@example.com', address: 'mallory@example.com' },
        subject: 'New request\r\nBcc: all@example.com',
      }),
    );
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(raw).not.toMatch(/^Bcc:/m);
    expect(parsed.subject).toBe('New request Bcc: all@example.com');
  });

  it('encodes non-ASCII names and subjects so they survive any mail server', async () => {
    const raw = await composeMail(
      aMessage({
        to: { name: 'Zoë Müller-Łukasz', address: 'zoe@example.com' },
        subject: 'Bestätigt: Ihre Sitzung mit Zoë — 10:00',
      }),
    );
    expect(raw.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    const parsed = await simpleParser(raw);
    expect(recipients(parsed.to)).toEqual([['Zoë Müller-Łukasz', 'zoe@example.com']]);
    expect(parsed.subject).toBe('Bestätigt: Ihre Sitzung mit Zoë — 10:00');
  });

  it('attaches a calendar file that decodes back to the same bytes', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Ünïcode session\r\nEND:VCALENDAR\r\n';
    const raw = await composeMail(
      aMessage({
        attachments: [
          {
            fileName: 'lensbridge-session.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: ics,
          },
        ],
      }),
    );
    const parsed = await simpleParser(raw);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe('lensbridge-session.ics');
    expect(parsed.attachments[0]!.contentType).toBe('text/calendar');
    expect(parsed.attachments[0]!.content.toString('utf8')).toBe(ics);
  });
});
