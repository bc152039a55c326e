import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a download link grants: one file (or one booking's ZIP), to one person, until a time. */
export interface LinkGrant {
  /** `image:<id>` or `zip:<bookingId>`. */
  subject: string;
  userId: string;
  /** Unix seconds. */
  expires: number;
}

export type LinkCheck = 'valid' | 'expired' | 'invalid';

/** HMAC-SHA256 over the grant, base64url (43 characters). */
export function signLink(secret: string, grant: LinkGrant): string {
  return createHmac('sha256', secret)
    .update(`lensbridge-download\n${grant.subject}\n${grant.userId}\n${grant.expires}`)
    .digest('base64url');
}

/**
 * A link is checked in constant time. Only a genuine link can be "expired"; a forged or altered
 * one (another file, person or time) is "invalid".
 */
export function checkLink(
  secret: string,
  grant: LinkGrant,
  signature: string,
  now: Date,
): LinkCheck {
  const expected = Buffer.from(signLink(secret, grant));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return now.getTime() >= grant.expires * 1000 ? 'expired' : 'valid';
}
