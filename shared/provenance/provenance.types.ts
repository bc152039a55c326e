/** What an image's Content Credentials (C2PA) say, as the verify page and API report them. */
export interface CredentialsReport {
  /**
   * `valid`: the signature and every hash check out; `invalid`: credentials are present but
   * something fails (see `problems`); `none`: the image carries no Content Credentials.
   */
  status: 'valid' | 'invalid' | 'none';
  /** Signed by a certificate on a trust list this server knows (ours never is in development). */
  trusted: boolean;
  /** Why the credentials are invalid, from the reader (C2PA status codes and explanations). */
  problems: CredentialsProblem[];
  signer?: CredentialsSigner;
  title?: string;
  /** The software that wrote the manifest, e.g. "Lensbridge 1.0". */
  claimGenerator?: string;
  /** Made or changed by a trained algorithm (an IPTC "trained algorithmic media" source type). */
  aiGenerated: boolean;
  actions: CredentialsAction[];
  authors: string[];
  copyright?: string;
  licence?: string;
  ingredients: CredentialsIngredient[];
}

export interface CredentialsProblem {
  code: string;
  explanation: string;
}

export interface CredentialsSigner {
  commonName?: string;
  organisation?: string;
  /** Signed with this server's own certificate. */
  ours: boolean;
  /** This server signs with a development certificate, made at first start and trusted by nobody. */
  development: boolean;
}

export interface CredentialsAction {
  action: string;
  digitalSourceType?: string;
  softwareAgent?: string;
  description?: string;
}

export interface CredentialsIngredient {
  title?: string;
  relationship?: string;
  /** The ingredient carried Content Credentials of its own (e.g. a camera's), kept in ours. */
  hasCredentials: boolean;
}

/** How this server signs, for the pages' explanation. */
export interface SigningInfo {
  development: boolean;
  commonName: string;
  organisation?: string;
  notAfter: string;
}

export const ProvenanceErrorCode = {
  UnsupportedFormat: 'CREDENTIALS_FORMAT_UNSUPPORTED',
} as const;

/** The image formats whose Content Credentials the verify page reads. */
export const VERIFIABLE_FORMATS = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/tiff',
  'image/heic',
  'image/avif',
  'image/gif',
] as const;
export type VerifiableFormat = (typeof VERIFIABLE_FORMATS)[number];

/** The largest file the verify page reads. */
export const VERIFY_MAX_BYTES = 40 * 1024 * 1024;
