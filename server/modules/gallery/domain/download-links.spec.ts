import { checkLink, type LinkGrant, signLink } from './download-links';

const SECRET = 'a-test-secret-that-is-long-enough-000';
function aGrant(overrides: Partial<LinkGrant> = {}): LinkGrant {
  return { subject: 'image:1', userId: 'user-1', expires: 2_000_000_000, ...overrides };
}
const before = new Date(1_999_999_999_000);

describe('download links', () => {
  it('accepts its own signature until the expiry, then says expired', () => {
    const sig = signLink(SECRET, aGrant());
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(checkLink(SECRET, aGrant(), sig, before)).toBe('valid');
    expect(checkLink(SECRET, aGrant(), sig, new Date(2_000_000_000_000))).toBe('expired');
  });

  it.each([
    ['another file', { subject: 'image:2' }],
    ['another person', { userId: 'user-2' }],
    ['a later expiry', { expires: 2_100_000_000 }],
  ])('refuses a link altered to grant %s', (_, change) => {
    const sig = signLink(SECRET, aGrant());
    expect(checkLink(SECRET, aGrant(change), sig, before)).toBe('invalid');
  });

  it('refuses a signature made with another secret, even when it has expired', () => {
    const sig = signLink('another-secret-of-enough-length-0000', aGrant({ expires: 1 }));
    expect(checkLink(SECRET, aGrant({ expires: 1 }), sig, before)).toBe('invalid');
  });
});
