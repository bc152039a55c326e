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
 * An RFC 5322 / MIME message: multipart/mixed holding a multipart/alternative (plain text
 * first, then HTML, both UTF-8 quoted-printable) and any attachments (base64). CRLF line ends,
 * no line longer than 78 characters, non-ASCII headers as RFC 2047 encoded words.
 */
export function buildMimeMessage(message: MailMessage): string {
  const mixed = `mixed-${message.messageId.replace(/[^a-z0-9]/gi, '').slice(0, 24)}`;
  const alternative = `alt-${mixed.slice(6)}`;
  const lines = [
    `From: ${message.from}`,
    `To: ${formatAddress(message.to)}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${rfc5322Date(message.date)}`,
    `Message-ID: <${message.messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(message.text),
    `--${alternative}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(message.html),
    `--${alternative}--`,
  ];
  for (const attachment of message.attachments) {
    lines.push(
      `--${mixed}`,
      `Content-Type: ${attachment.contentType}; name="${attachment.fileName}"`,
      `Content-Disposition: attachment; filename="${attachment.fileName}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(attachment.content),
    );
  }
  lines.push(`--${mixed}--`, '');
  return lines.join('\r\n');
}

export function formatAddress(to: MailAddress): string {
  const name = /^[\w .'-]*$/.test(to.name) ? `"${to.name}"` : encodeHeader(to.name);
  return `${name} <${to.address}>`;
}

/** RFC 2047 `=?UTF-8?B?…?=` when a header is not plain ASCII. */
export function encodeHeader(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  // Split on characters, not bytes, so no encoded word cuts a character in half.
  const words: string[] = [];
  let current = '';
  for (const char of value) {
    if (Buffer.byteLength(current + char) > 45) {
      words.push(current);
      current = '';
    }
    current += char;
  }
  words.push(current);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/** Quoted-printable (RFC 2045) of UTF-8 text with CRLF line breaks. */
export function quotedPrintable(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\n')
    .split('\n')
    .map(encodeQpLine)
    .join('\r\n');
}

function encodeQpLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  let encoded = '';
  bytes.forEach((byte, i) => {
    const last = i === bytes.length - 1;
    const printable = byte >= 33 && byte <= 126 && byte !== 61;
    const trailingSpace = (byte === 32 || byte === 9) && last;
    encoded +=
      printable || ((byte === 32 || byte === 9) && !trailingSpace)
        ? String.fromCharCode(byte)
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  });
  // Soft line breaks keep every line within 76 characters, never splitting an =XX escape.
  const out: string[] = [];
  let rest = encoded;
  while (rest.length > 76) {
    let cut = 75;
    const escape = rest.lastIndexOf('=', cut);
    if (escape > cut - 3) cut = escape;
    out.push(`${rest.slice(0, cut)}=`);
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out.join('\r\n');
}

/** Decodes quoted-printable (for tests and the admin page). */
export function decodeQuotedPrintable(encoded: string): string {
  const bytes = encoded
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/g, '%25');
  return decodeURIComponent(bytes.replace(/\r\n/g, '\n'));
}

function base64Lines(content: string | Buffer): string {
  const encoded = Buffer.from(content).toString('base64');
  return encoded.match(/.{1,76}/g)?.join('\r\n') ?? '';
}

function rfc5322Date(date: Date): string {
  // toUTCString gives "Tue, 14 May 2030 08:00:00 GMT"; RFC 5322 prefers the numeric zone.
  return date.toUTCString().replace(/GMT$/, '+0000');
}
