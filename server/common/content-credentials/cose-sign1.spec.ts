import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { encodeCbor, CborMap } from './cbor';
import { coseSign1, coseSigningKey } from './cose-sign1';

/** A tiny reader for the structure we write: tag 18, [bstr, map, null, bstr]. */
function head(bytes: Uint8Array, at: number): { major: number; value: number; next: number } {
  const first = bytes[at]!;
  const info = first & 0x1f;
  const major = first >> 5;
  if (info < 24) return { major, value: info, next: at + 1 };
  const size = { 24: 1, 25: 2, 26: 4 }[info]!;
  const value = Buffer.from(bytes.subarray(at + 1, at + 1 + size)).readUIntBE(0, size);
  return { major, value, next: at + 1 + size };
}

describe('COSE_Sign1 for C2PA claims', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const chain = [new Uint8Array(300).fill(1), new Uint8Array(280).fill(2)];
  const signer = coseSigningKey(keyPem, chain);
  const claim = new TextEncoder().encode('a claim');

  it('is exactly the reserved size, for every size around the byte-string head boundaries', () => {
    for (let reserve = 760; reserve <= 1100; reserve += 1) {
      expect(coseSign1(claim, signer, reserve)).toHaveLength(reserve);
    }
    for (const reserve of [65_000, 65_540, 65_560]) {
      expect(coseSign1(claim, signer, reserve)).toHaveLength(reserve);
    }
  });

  it('refuses a reserve too small to hold the chain and the signature', () => {
    expect(() => coseSign1(claim, signer, 400)).toThrow(/does not fit the 400 bytes/);
  });

  it('is a tagged COSE_Sign1 whose ES256 signature verifies over the Sig_structure', () => {
    const cose = coseSign1(claim, signer, 1500);
    expect(Array.from(cose.subarray(0, 2))).toEqual([0xd2, 0x84]); // tag 18, array of 4
    const protectedHead = head(cose, 2);
    expect(protectedHead.major).toBe(2);
    const protectedHeader = cose.subarray(
      protectedHead.next,
      protectedHead.next + protectedHead.value,
    );
    expect(
      Buffer.from(protectedHeader).equals(
        Buffer.from(
          encodeCbor(
            new CborMap([
              [1, -7],
              [33, chain],
            ]),
          ),
        ),
      ),
    ).toBe(true);
    const signature = cose.subarray(cose.length - 64);
    expect(cose[cose.length - 66]).toBe(0x58); // bstr, 1-byte length
    expect(cose[cose.length - 65]).toBe(64);
    const toBeSigned = encodeCbor(['Signature1', protectedHeader, new Uint8Array(0), claim]);
    const publicKey = createPublicKey(privateKey);
    expect(
      verify('sha256', toBeSigned, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature),
    ).toBe(true);
    const other = encodeCbor([
      'Signature1',
      protectedHeader,
      new Uint8Array(0),
      new TextEncoder().encode('another claim'),
    ]);
    expect(verify('sha256', other, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(
      false,
    );
  });

  it('takes only EC P-256 keys', () => {
    const { privateKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() =>
      coseSigningKey(rsa.export({ type: 'pkcs8', format: 'pem' }).toString(), chain),
    ).toThrow(/P-256/);
  });
});
