import { feedToken, hashFeedToken, looksLikeFeedToken, newFeedNonce } from './feed-token';

describe('feed tokens', () => {
  const secret = 's'.repeat(40);

  it('are the same for the same account and nonce, and new with a new nonce or secret', () => {
    const nonce = newFeedNonce();
    const token = feedToken(secret, 'user-1', nonce);
    expect(feedToken(secret, 'user-1', nonce)).toBe(token);
    expect(feedToken(secret, 'user-1', newFeedNonce())).not.toBe(token);
    expect(feedToken(secret, 'user-2', nonce)).not.toBe(token);
    expect(feedToken('t'.repeat(40), 'user-1', nonce)).not.toBe(token);
    expect(Buffer.from(newFeedNonce(), 'base64url')).toHaveLength(32);
  });

  it('are 256-bit base64url strings, looked up by a SHA-256 hex hash', () => {
    const token = feedToken(secret, 'user-1', newFeedNonce());
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(looksLikeFeedToken(token)).toBe(true);
    expect(hashFeedToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['', 'short', `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`, 'a'.repeat(44)])(
    'rejects %p without looking it up',
    (value) => expect(looksLikeFeedToken(value)).toBe(false),
  );
});
