import { CredentialSealer } from './credentials';

describe('CredentialSealer', () => {
  const sealer = new CredentialSealer('a secret of at least thirty-two characters');

  it('opens what it sealed, for the same owner only', () => {
    const sealed = sealer.seal('app-specific-password', 'user-1');
    expect(sealed).not.toContain('app-specific-password');
    expect(sealer.open(sealed, 'user-1')).toBe('app-specific-password');
    expect(sealer.open(sealed, 'user-2')).toBeNull();
  });

  it('seals the same password differently each time (a fresh IV)', () => {
    expect(sealer.seal('same', 'u')).not.toBe(sealer.seal('same', 'u'));
  });

  it('refuses another key and any changed byte', () => {
    const sealed = sealer.seal('secret', 'u');
    expect(
      new CredentialSealer('another secret, also long enough here').open(sealed, 'u'),
    ).toBeNull();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] ^= 1;
    expect(sealer.open([v, iv, tag, flipped.toString('base64url')].join('.'), 'u')).toBeNull();
    expect(sealer.open('not sealed', 'u')).toBeNull();
  });
});
