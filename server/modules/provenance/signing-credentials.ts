import { X509Certificate, createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  developmentSigningChain,
  pemCertificates,
  type SigningChainPem,
} from '../../common/content-credentials/signing-chain';

/** The signing chain in use, and whether it is the development one. */
export interface LoadedChain extends SigningChainPem {
  development: boolean;
  leaf: X509Certificate;
}

/**
 * The configured chain (C2PA_SIGNING_CERT / C2PA_SIGNING_KEY), or the development chain kept in
 * DATA_DIR, made at first start. Several processes may start at once on one data folder: each
 * writes its own candidate and `link()`s it into place, which only one can do; the others read
 * the winner's, so every process signs with the same certificate.
 */
export async function loadSigningChain(
  config: { signingCertPem?: string; signingKeyPem?: string; developmentChainFile: string },
  now: Date,
): Promise<LoadedChain> {
  if (config.signingCertPem && config.signingKeyPem) {
    return checked({ chainPem: config.signingCertPem, keyPem: config.signingKeyPem }, false, now);
  }
  const file = config.developmentChainFile;
  const existing = await readChainFile(file);
  if (existing) return checked(existing, true, now);
  await mkdir(path.dirname(file), { recursive: true });
  const made = await developmentSigningChain('Lensbridge', now);
  const candidate = `${file}.${randomUUID()}.tmp`;
  await writeFile(candidate, `${made.keyPem}\n${made.chainPem}\n`, { mode: 0o600 });
  try {
    await link(candidate, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(candidate);
  }
  const stored = await readChainFile(file);
  if (!stored) throw new Error(`The development C2PA chain in ${file} is unreadable`);
  return checked(stored, true, now);
}

async function readChainFile(file: string): Promise<SigningChainPem | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = text.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/)?.[0];
  const certificates = pemCertificates(text);
  if (!key || certificates.length === 0) return undefined;
  return { keyPem: key, chainPem: certificates.join('\n') };
}

/** The key must belong to the first certificate, and that certificate must be valid now. */
function checked(chain: SigningChainPem, development: boolean, now: Date): LoadedChain {
  const [firstPem] = pemCertificates(chain.chainPem);
  if (!firstPem) throw new Error('C2PA_SIGNING_CERT holds no PEM certificate');
  const leaf = new X509Certificate(firstPem);
  const key = createPrivateKey(chain.keyPem);
  const fromKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const fromCert = leaf.publicKey.export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(fromCert)) {
    throw new Error(
      'C2PA_SIGNING_KEY does not belong to the first certificate of C2PA_SIGNING_CERT',
    );
  }
  if (new Date(leaf.validTo) <= now || new Date(leaf.validFrom) > now) {
    throw new Error(
      `The C2PA signing certificate is not valid now (valid ${leaf.validFrom} to ${leaf.validTo})`,
    );
  }
  return { ...chain, development, leaf };
}
