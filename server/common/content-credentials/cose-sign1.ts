import { createPrivateKey, sign as signWith, type KeyObject } from 'node:crypto';
import { byteStringHeadSize, CborMap, CborTagged, encodeCbor } from './cbor';

/** COSE header labels and values used by C2PA (RFC 9052, RFC 9360). */
const ALG = 1;
const X5CHAIN = 33;
const ES256 = -7;
const COSE_SIGN1_TAG = 18;

export interface CoseSigningKey {
  /** The leaf's P-256 private key. */
  key: KeyObject;
  /** DER certificates, the signing (leaf) certificate first, then its issuers. */
  chain: Uint8Array[];
}

export function coseSigningKey(keyPem: string, chainDer: Uint8Array[]): CoseSigningKey {
  const key = createPrivateKey(keyPem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('The C2PA signing key must be an EC P-256 key (ES256)');
  }
  return { key, chain: chainDer };
}

/**
 * The C2PA claim signature: a tagged COSE_Sign1 over the claim bytes (detached payload), ES256,
 * with the certificate chain in the protected header, and its unprotected `pad` sized so the
 * whole structure is exactly `reserveSize` bytes (the space the claim signature box reserved).
 * c2pa-rs hands JavaScript signers the claim and expects this whole structure back.
 */
export function coseSign1(
  claim: Uint8Array,
  signer: CoseSigningKey,
  reserveSize: number,
): Uint8Array {
  const chain = signer.chain.length === 1 ? signer.chain[0] : signer.chain;
  const protectedHeader = encodeCbor(
    new CborMap([
      [ALG, ES256],
      [X5CHAIN, chain],
    ]),
  );
  const toBeSigned = encodeCbor(['Signature1', protectedHeader, new Uint8Array(0), claim]);
  const signature = signWith('sha256', toBeSigned, { key: signer.key, dsaEncoding: 'ieee-p1363' });
  const build = (pad: number, pad2?: number) =>
    encodeCbor(
      new CborTagged(COSE_SIGN1_TAG, [
        protectedHeader,
        new CborMap([
          ['pad', new Uint8Array(pad)],
          ...(pad2 === undefined ? [] : ([['pad2', new Uint8Array(pad2)]] as const)),
        ]),
        null,
        new Uint8Array(signature),
      ]),
    );
  // Growing a pad by n bytes can grow its byte-string head too, so some sizes cannot be reached
  // with one pad (e.g. exactly 24 more bytes); a second, empty pad then shifts the arithmetic.
  for (const pad2 of [undefined, 0]) {
    const bare = build(0, pad2).length;
    for (let pad = Math.max(0, reserveSize - bare - 8); pad <= reserveSize - bare; pad += 1) {
      if (bare + pad + byteStringHeadSize(pad) - 1 === reserveSize) return build(pad, pad2);
    }
  }
  throw new Error(`The COSE signature does not fit the ${reserveSize} bytes reserved for it`);
}
