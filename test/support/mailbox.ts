import { DataSource } from 'typeorm';
import { OutboxMessage } from '../../server/modules/notifications/outbox-message.entity';
import { appOf } from './test-app';

/** Every email the app behind `server` wrote to `address` (of one kind), oldest first. */
export async function emailsTo(
  server: unknown,
  address: string,
  kind?: string,
): Promise<OutboxMessage[]> {
  const rows = await appOf(server)
    .get(DataSource)
    .getRepository(OutboxMessage)
    .find({ where: { toAddress: address.toLowerCase(), ...(kind ? { kind } : {}) } });
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * The `count`-th email of `kind` to `address` (1 = the first), waiting for it: account emails
 * are written just after the response that caused them.
 */
export async function nthEmail(
  server: unknown,
  address: string,
  kind: string,
  count = 1,
): Promise<OutboxMessage> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await emailsTo(server, address, kind);
    if (found.length >= count) return found[count - 1]!;
    if (Date.now() > deadline) throw new Error(`No email ${kind} #${count} to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The token of the link to `path` in an email's text (`/reset-password?token=…`). */
export function tokenIn(email: OutboxMessage, path: string): string {
  const match = new RegExp(`${path.replace(/[/]/g, '\\/')}\\?token=([A-Za-z0-9_-]+)`).exec(
    email.textBody,
  );
  if (!match) throw new Error(`No ${path} link in "${email.subject}":\n${email.textBody}`);
  return match[1]!;
}
