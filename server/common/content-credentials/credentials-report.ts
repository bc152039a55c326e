import type {
  CredentialsAction,
  CredentialsReport,
} from '../../../shared/provenance/provenance.types';
import type { ManifestJson, ReadCredentials } from './content-credentials';

/** "Made or changed by a trained algorithm": IPTC's trained-algorithmic source types. */
const AI_SOURCE =
  /digitalsourcetype\/(trainedAlgorithmicMedia|compositeWithTrainedAlgorithmicMedia|algorithmicallyEnhanced|compositeSynthetic)$/;

/** Our signer, to tell our own (and development) signatures apart from anybody else's. */
export interface OwnSigner {
  serialNumber: string;
  development: boolean;
}

/** The verify page's summary of what the reader found in the active manifest. */
export function credentialsReport(read: ReadCredentials, own: OwnSigner): CredentialsReport {
  const empty = {
    trusted: false,
    problems: [],
    aiGenerated: false,
    actions: [],
    authors: [],
    ingredients: [],
  };
  if (read.status === 'none') return { status: 'none', ...empty };
  const manifest = read.store?.active_manifest
    ? read.store.manifests?.[read.store.active_manifest]
    : undefined;
  if (!manifest) return { ...empty, status: 'invalid', problems: read.failures };
  const actions = actionsOf(manifest);
  const work = assertion<CreativeWork>(manifest, 'stds.schema-org.CreativeWork');
  const signature = manifest.signature_info;
  const ours =
    signature?.cert_serial_number !== undefined &&
    signature.cert_serial_number === own.serialNumber;
  const generator = manifest.claim_generator_info?.[0];
  return {
    status: read.status,
    trusted: read.trusted ?? false,
    problems: read.failures,
    signer: signature && {
      commonName: signature.common_name,
      organisation: signature.issuer,
      ours,
      development: ours && own.development,
    },
    title: manifest.title,
    claimGenerator:
      generator?.name && [generator.name, generator.version].filter(Boolean).join(' '),
    aiGenerated: actions.some(
      (a) => a.digitalSourceType !== undefined && AI_SOURCE.test(a.digitalSourceType),
    ),
    actions,
    authors: (work?.author ?? []).flatMap((a) => (a.name ? [a.name] : [])),
    copyright: work?.copyrightNotice,
    licence: work?.usageInfo ?? work?.license,
    ingredients: (manifest.ingredients ?? []).map((i) => ({
      title: i.title,
      relationship: i.relationship,
      hasCredentials: i.active_manifest !== undefined,
    })),
  };
}

interface CreativeWork {
  author?: { name?: string }[];
  copyrightNotice?: string;
  license?: string;
  usageInfo?: string;
}

interface ActionJson {
  action: string;
  digitalSourceType?: string;
  softwareAgent?: string | { name?: string; version?: string };
  description?: string;
}

function assertion<T>(manifest: ManifestJson, label: string): T | undefined {
  return manifest.assertions?.find((a) => a.label === label)?.data as T | undefined;
}

function actionsOf(manifest: ManifestJson): CredentialsAction[] {
  const data =
    assertion<{ actions?: ActionJson[] }>(manifest, 'c2pa.actions.v2') ??
    assertion<{ actions?: ActionJson[] }>(manifest, 'c2pa.actions');
  return (data?.actions ?? []).map((a) => ({
    action: a.action,
    digitalSourceType: a.digitalSourceType,
    softwareAgent: typeof a.softwareAgent === 'string' ? a.softwareAgent : a.softwareAgent?.name,
    description: a.description,
  }));
}
