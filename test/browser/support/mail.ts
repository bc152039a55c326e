import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export interface ReceivedEmail {
  to: string;
  subject: string;
  text: string;
}

async function read(file: string): Promise<ReceivedEmail> {
  const parsed = await simpleParser(readFileSync(file));
  const to = [parsed.to ?? []].flat().flatMap((group) => group.value.map((v) => v.address ?? ''));
  return { to: to.join(', '), subject: parsed.subject ?? '', text: parsed.text ?? '' };
}

/**
 * Waits for an email to `address` whose subject matches, among the .eml files the server wrote,
 * and returns the newest such email.
 */
export async function waitForEmail(
  outboxDir: string,
  address: string,
  subject: RegExp,
  timeoutMs = 15_000,
): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(outboxDir).filter((f) => f.endsWith('.eml'));
    } catch {
      // no email yet
    }
    const sorted = files
      .map((f) => path.join(outboxDir, f))
      .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
    const matching = (await Promise.all(sorted.map(read))).filter(
      (m) => m.to.includes(address) && subject.test(m.subject),
    );
    if (matching.length > 0) return matching[matching.length - 1]!;
    if (Date.now() > deadline) throw new Error(`No email to ${address} matching ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first link in the email's text that points at `pagePath` (absolute). */
export function linkIn(email: ReceivedEmail, pagePath: string): string {
  const match = new RegExp(`https?://[^\\s]+${pagePath}\\?token=[A-Za-z0-9_-]+`).exec(email.text);
  if (!match) throw new Error(`No ${pagePath} link in "${email.subject}":\n${email.text}`);
  return match[0];
}
