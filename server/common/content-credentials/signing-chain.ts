import 'reflect-metadata';
import { X509Certificate as NodeX509, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** A C2PA signing credential: the leaf's private key and the chain, leaf first, as PEM. */
export interface SigningChainPem {
  keyPem: string;
  chainPem: string;
}

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** C2PA's claim-signing key purpose, and e-mail protection, which c2pa-rs also accepts. */
const C2PA_CLAIM_SIGNING = '1.3.6.1.4.1.62558.2.1';
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

/**
 * A development chain: a self-signed root and a leaf it issues with the profile C2PA requires of
 * a signing certificate (digitalSignature, an allowed extended key usage, not a CA, key
 * identifiers). Nobody trusts this root, so readers report the credentials as valid but from an
 * untrusted signer, which is what a development certificate is.
 */
export async function developmentSigningChain(
  organisation: string,
  now: Date,
): Promise<SigningChainPem> {
  // @peculiar/x509 is typed against the DOM's WebCrypto; Node's is the same API.
  const crypto = webcrypto as unknown as NonNullable<
    Parameters<typeof x509.X509CertificateGenerator.create>[1]
  >;
  const rootKeys = await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
  const leafKeys = await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
  const notBefore = new Date(now.getTime() - 24 * 3600_000);
  const root = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial(),
      name: `CN=${organisation} development root (not trusted), O=${organisation}`,
      notBefore,
      notAfter: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
      keys: rootKeys,
      signingAlgorithm: ES256,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const leaf = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(),
      subject: `CN=${organisation} development signer, O=${organisation}`,
      issuer: root.subject,
      notBefore,
      notAfter: new Date(now.getTime() + 2 * 365 * 24 * 3600_000),
      publicKey: leafKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: ES256,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([C2PA_CLAIM_SIGNING, EMAIL_PROTECTION], false),
        await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(root, false, crypto),
      ],
    },
    crypto,
  );
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', leafKeys.privateKey);
  return {
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    chainPem: [leaf.toString('pem'), root.toString('pem')].join('\n'),
  };
}

/** The PEM certificates in a text, in order (other text between them is ignored). */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/** The certificates of a PEM chain as DER, in order, each checked to parse. */
export function chainDer(chainPem: string): Uint8Array[] {
  const blocks = pemCertificates(chainPem);
  if (!blocks.length) throw new Error('The C2PA certificate chain holds no PEM certificate');
  return blocks.map((pem) => new Uint8Array(new NodeX509(pem).raw));
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f;
  return Buffer.from(bytes).toString('hex');
}
