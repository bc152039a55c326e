import type { ManifestDefinition } from './content-credentials';

/** The claim generator every manifest of ours names. */
export const CLAIM_GENERATOR = { name: 'Lensbridge', version: '1.0' } as const;

/** IPTC digital source types (https://cv.iptc.org/newscodes/digitalsourcetype/). */
export const SOURCE_TYPE = {
  aiComposite:
    'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
  digitalCapture: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture',
} as const;

const CLIENT_PHOTO = 'client-photo';

/**
 * An AI draft: created by the draft studio from the client's photo. The photo is an `inputTo`
 * ingredient known only by its SHA-256 (no pixels, no thumbnail are kept in the manifest).
 */
export function draftManifest(facts: {
  output: 'preview' | 'hd';
  /** SHA-256 (hex) of the photo as uploaded; absent for drafts analysed before it was kept. */
  sourceSha256?: string;
}): ManifestDefinition {
  return {
    claim_generator_info: [CLAIM_GENERATOR],
    title: facts.output === 'hd' ? 'AI draft headshot (HD).jpg' : 'AI draft headshot (preview).jpg',
    format: 'image/jpeg',
    assertions: [
      {
        label: 'c2pa.actions.v2',
        data: {
          actions: [
            {
              action: 'c2pa.created',
              digitalSourceType: SOURCE_TYPE.aiComposite,
              softwareAgent: { name: 'Lensbridge draft studio', version: '2' },
              description:
                'AI draft headshot made from one photo: background replaced, subject relit and retouched by algorithms',
              parameters: { ingredientIds: [CLIENT_PHOTO] },
            },
          ],
        },
      },
    ],
    ingredients: [
      {
        title: 'The photo the client uploaded',
        format: 'image/jpeg',
        relationship: 'inputTo',
        label: CLIENT_PHOTO,
        ...(facts.sourceSha256 ? { instance_id: `sha256:${facts.sourceSha256}` } : {}),
      },
    ],
  };
}

/**
 * A delivered final: the photographer's upload (the parent ingredient, read from the file so a
 * camera's own manifest is kept) opened and edited, with the author, copyright and licence.
 */
export function finalManifest(facts: {
  title: string;
  photographerName: string;
  copyright: string;
  licence: string;
  licenceUrl: string;
}): ManifestDefinition {
  return {
    claim_generator_info: [CLAIM_GENERATOR],
    title: facts.title,
    format: 'image/jpeg',
    assertions: [
      {
        label: 'c2pa.actions.v2',
        data: {
          actions: [
            {
              action: 'c2pa.opened',
              digitalSourceType: SOURCE_TYPE.digitalCapture,
              parameters: { ingredientIds: [PHOTOGRAPHER_UPLOAD] },
            },
            {
              action: 'c2pa.edited',
              digitalSourceType: SOURCE_TYPE.digitalCapture,
              softwareAgent: { name: 'Lensbridge gallery', version: '1' },
              description: 'Final delivered to the client: converted to JPEG, colour profile kept',
            },
          ],
        },
      },
      {
        label: 'stds.schema-org.CreativeWork',
        kind: 'Json',
        data: {
          '@context': 'https://schema.org',
          '@type': 'Photograph',
          author: [{ '@type': 'Person', name: facts.photographerName }],
          copyrightNotice: facts.copyright,
          license: facts.licenceUrl,
          usageInfo: facts.licence,
        },
      },
    ],
  };
}

export const PHOTOGRAPHER_UPLOAD = 'photographer-upload';

/** The parent ingredient of a final: the photographer's file, as uploaded. */
export function finalParentIngredient(fileName: string): Record<string, unknown> {
  return { title: fileName, relationship: 'parentOf', label: PHOTOGRAPHER_UPLOAD };
}
