import { MediaErrorCode } from '@shared/media/media.types';
import { ProvenanceErrorCode } from '@shared/provenance/provenance.types';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';

const IPTC_SOURCE_TYPE = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/** IPTC digital source types in plain words (https://cv.iptc.org/newscodes/digitalsourcetype/). */
const SOURCE_TYPES: Record<string, string> = {
  trainedAlgorithmicMedia: 'made entirely by a generative AI model',
  compositeWithTrainedAlgorithmicMedia: 'a photo combined with parts made or changed by AI',
  algorithmicallyEnhanced: 'a photo enhanced by algorithms',
  algorithmicMedia: 'made by an algorithm, without AI training data',
  compositeSynthetic: 'a composite that includes computer-made parts',
  composite: 'a composite of several images',
  compositeCapture: 'several camera captures combined into one',
  digitalCapture: 'taken with a digital camera',
  computationalCapture: 'taken with a camera that combines several exposures',
  digitalArt: 'made by a person with software',
  minorHumanEdits: 'a capture with minor edits by a person',
  screenCapture: 'a screenshot',
  virtualRecording: 'a recording of a virtual scene',
  dataDrivenMedia: 'made from data, such as a chart',
  negativeFilm: 'a scan of a film negative',
  positiveFilm: 'a scan of a slide',
  print: 'a scan of a print',
};

/** "taken with a digital camera"; an unknown type keeps its own name. */
export function describeSourceType(uri: string): string {
  const name = uri.startsWith(IPTC_SOURCE_TYPE) ? uri.slice(IPTC_SOURCE_TYPE.length) : uri;
  return SOURCE_TYPES[name] ?? name;
}

const ACTIONS: Record<string, string> = {
  'c2pa.created': 'Created',
  'c2pa.opened': 'Opened an existing image',
  'c2pa.placed': 'Placed another image in it',
  'c2pa.edited': 'Edited',
  'c2pa.color_adjustments': 'Colours adjusted',
  'c2pa.cropped': 'Cropped',
  'c2pa.resized': 'Resized',
  'c2pa.orientation': 'Rotated or flipped',
  'c2pa.filtered': 'Filtered',
  'c2pa.drawing': 'Drawn on',
  'c2pa.removed': 'Parts removed',
  'c2pa.converted': 'Converted to another format',
  'c2pa.transcoded': 'Re-encoded',
  'c2pa.repackaged': 'Repackaged',
  'c2pa.published': 'Published',
};

/** "Colours adjusted"; an unknown action is shown by its name without the prefix. */
export function describeAction(action: string): string {
  return ACTIONS[action] ?? action.replace(/^c2pa\./, '').replace(/_/g, ' ');
}

const RELATIONSHIPS: Record<string, string> = {
  parentOf: 'the image this one was made from',
  componentOf: 'a part placed into this image',
  inputTo: 'used as input to make this image',
};

export function describeRelationship(relationship: string | undefined): string | undefined {
  return relationship ? (RELATIONSHIPS[relationship] ?? relationship) : undefined;
}

/** Why an image could not be checked, in a sentence a person can act on. */
export function describeVerifyError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return 'That file is larger than 40 MB. Choose a smaller image.';
    switch (error.code) {
      case ProvenanceErrorCode.UnsupportedFormat:
        return 'This file is not an image whose Content Credentials can be read. Choose a JPEG, PNG, WebP, TIFF, HEIC, AVIF or GIF image.';
      case MediaErrorCode.FileMissing:
        return 'The image did not arrive. Choose it again.';
    }
  }
  return describeError(error);
}
