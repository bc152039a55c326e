import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * A feed's token is derived, not stored: HMAC-SHA256 of the account and a random nonce under the
 * server's link secret, base64url (43 characters). The database keeps the nonce and the token's
 * SHA-256, so the studio page can show the same URL again while a copy of the database alone
 * opens no feed (it lacks the secret); a new nonce is a new link.
 */
export function feedToken(secret: string, userId: string, nonce: string): string {
  return createHmac('sha256', secret)
    .update(`lensbridge-calendar-feed\n${userId}\n${nonce}`)
    .digest('base64url');
}

/** 256 random bits for a new link. */
export function newFeedNonce(): string {
  return randomBytes(32).toString('base64url');
}

/** What the feed is looked up by. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string could be a token at all (anything else is a 404 without a query). */
export function looksLikeFeedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
