import { c2paRuntime, BytesBlob } from './c2pa-runtime';
import { coseSign1, coseSigningKey, type CoseSigningKey } from './cose-sign1';
import { chainDer, type SigningChainPem } from './signing-chain';

/** A manifest definition as c2pa-rs's Builder reads it (JSON, snake_case keys). */
export type ManifestDefinition = Record<string, unknown>;

export interface ContentSigner {
  readonly cose: CoseSigningKey;
  /** The bytes the claim signature box reserves: the chain, the signature and room to spare. */
  readonly reserveSize: number;
}

export function contentSigner(chain: SigningChainPem): ContentSigner {
  const der = chainDer(chain.chainPem);
  const certificates = der.reduce((sum, c) => sum + c.length, 0);
  return { cose: coseSigningKey(chain.keyPem, der), reserveSize: certificates + 1024 };
}

/** An asset whose own Content Credentials are kept, as the parent ingredient of ours. */
export interface ParentAsset {
  bytes: Uint8Array;
  format: string;
  /** Ingredient fields (title, relationship…), merged over what is read from the asset. */
  ingredient: Record<string, unknown>;
}

/**
 * Embeds a signed C2PA manifest in a JPEG: the claim is hashed over the whole file (a data hash
 * with the manifest's own bytes excluded), signed ES256 with the chain, and written as JUMBF in
 * APP11 segments. Other metadata (XMP, ICC) is left as it was.
 */
export async function signJpeg(
  image: Uint8Array,
  manifest: ManifestDefinition,
  signer: ContentSigner,
  parent?: ParentAsset,
): Promise<Buffer> {
  const c2pa = await c2paRuntime();
  const builder = c2pa.WasmBuilder.fromJson(JSON.stringify(manifest));
  try {
    if (parent) {
      await builder.addIngredientFromBlob(
        JSON.stringify(parent.ingredient),
        parent.format,
        new BytesBlob(parent.bytes),
      );
    }
    const signed = await builder.sign(
      {
        alg: 'es256',
        reserveSize: signer.reserveSize,
        sign: async (claim) =>
          coseSign1(claim, signer.cose, signer.reserveSize) as Uint8Array<ArrayBuffer>,
      },
      [],
      'image/jpeg',
      new BytesBlob(image),
    );
    return Buffer.from(signed.buffer, signed.byteOffset, signed.byteLength);
  } finally {
    builder.free();
  }
}

/** Status codes that say the signer is not on a trust list, which alone never makes an image invalid. */
const TRUST_ONLY = new Set(['signingCredential.untrusted', 'signingCredential.ocsp.skipped']);

/** What a manifest store says, read and validated by c2pa-rs (signature, hashes, ingredients). */
export async function readCredentials(
  bytes: Uint8Array,
  format: string,
  options: { trustAnchorsPem?: string } = {},
): Promise<ReadCredentials> {
  const c2pa = await c2paRuntime();
  // Signers whose chain ends in one of these roots are "trusted"; without any, nobody is.
  const context = options.trustAnchorsPem
    ? JSON.stringify({ trust: { trust_anchors: options.trustAnchorsPem } })
    : undefined;
  let reader;
  try {
    reader = await c2pa.WasmReader.fromBytes(format, bytes, context);
  } catch (error) {
    const message = String(error);
    if (/JumbfNotFound|ManifestNotFound|ProvenanceMissing/.test(message)) return { status: 'none' };
    // A manifest that cannot be parsed at all is present but broken.
    return {
      status: 'invalid',
      store: undefined,
      failures: [{ code: 'manifest.unreadable', explanation: message }],
    };
  }
  try {
    const store = JSON.parse(reader.json()) as ManifestStoreJson;
    const failures = (
      store.validation_results?.activeManifest?.failure ??
      store.validation_status ??
      []
    )
      .filter((s) => !TRUST_ONLY.has(s.code))
      .map((s) => ({ code: s.code, explanation: s.explanation ?? s.code }));
    const state = store.validation_state;
    const status = state === 'Invalid' || failures.length > 0 ? 'invalid' : 'valid';
    return { status, trusted: state === 'Trusted', store, failures };
  } finally {
    reader.free();
  }
}

export type ReadCredentials =
  | { status: 'none' }
  | {
      status: 'valid' | 'invalid';
      trusted?: boolean;
      store?: ManifestStoreJson;
      failures: { code: string; explanation: string }[];
    };

/** The parts of c2pa-rs's manifest store JSON we read. */
export interface ManifestStoreJson {
  active_manifest?: string;
  manifests?: Record<string, ManifestJson>;
  validation_state?: 'Invalid' | 'Valid' | 'Trusted';
  validation_status?: StatusJson[];
  validation_results?: { activeManifest?: { failure?: StatusJson[] } };
}

export interface ManifestJson {
  title?: string;
  claim_generator_info?: { name?: string; version?: string }[];
  signature_info?: {
    issuer?: string;
    common_name?: string;
    cert_serial_number?: string;
    time?: string;
  };
  assertions?: { label: string; data?: unknown }[];
  ingredients?: {
    title?: string;
    relationship?: string;
    active_manifest?: string;
    manifest_data?: unknown;
  }[];
}

interface StatusJson {
  code: string;
  explanation?: string;
}
