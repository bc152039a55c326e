import type { CredentialsReport, SigningInfo } from '@shared/provenance/provenance.types';

const AI_COMPOSITE =
  'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

/** What the server reads from one of its own AI drafts, signed with the development chain. */
export function aDraftReport(overrides: Partial<CredentialsReport> = {}): CredentialsReport {
  return {
    status: 'valid',
    trusted: false,
    problems: [],
    signer: {
      commonName: 'Lensbridge development signer',
      organisation: 'Lensbridge (development)',
      ours: true,
      development: true,
    },
    title: 'AI draft headshot (preview).jpg',
    claimGenerator: 'Lensbridge 1.0',
    aiGenerated: true,
    actions: [
      {
        action: 'c2pa.created',
        digitalSourceType: AI_COMPOSITE,
        softwareAgent: 'Lensbridge draft studio 2',
        description: 'AI draft headshot made from one photo',
      },
    ],
    authors: [],
    ingredients: [
      { title: 'The photo the client uploaded', relationship: 'inputTo', hasCredentials: false },
    ],
    ...overrides,
  };
}

export function aNoCredentialsReport(): CredentialsReport {
  return {
    status: 'none',
    trusted: false,
    problems: [],
    aiGenerated: false,
    actions: [],
    authors: [],
    ingredients: [],
  };
}

export function aSigningInfo(overrides: Partial<SigningInfo> = {}): SigningInfo {
  return {
    development: true,
    commonName: 'Lensbridge development signer',
    organisation: 'Lensbridge (development)',
    notAfter: '2036-12-01T00:00:00.000Z',
    ...overrides,
  };
}
