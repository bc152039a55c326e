import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailAttachment {
  fileName: string;
  /** e.g. `text/calendar; method=PUBLISH`. */
  contentType: string;
  content: string | Buffer;
}

export interface MailMessage {
  from: string;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  messageId: string;
  date: Date;
}

/**
 * The complete RFC 5322 message, composed by nodemailer's MailComposer: multipart/alternative
 * (text, then HTML) inside multipart/mixed with the attachments, headers folded and encoded.
 * Names and subjects are header values, never header syntax: a display name such as
 * `Eve <evil@attacker.test>, Bob` stays one quoted name of one recipient, and line breaks in
 * a value cannot start a new header.
 */
export async function composeMail(message: MailMessage): Promise<string> {
  const composer = new MailComposer({
    from: message.from,
    to: { name: oneLine(message.to.name), address: message.to.address },
    subject: oneLine(message.subject),
    text: message.text,
    html: message.html,
    messageId: `<${message.messageId}>`,
    date: message.date,
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.fileName,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
  });
  const raw = await composer.compile().build();
  return raw.toString('utf8');
}

/** Header values are one line: any line break (or other control character) becomes a space. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
