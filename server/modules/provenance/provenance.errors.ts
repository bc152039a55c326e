import {
  ProvenanceErrorCode,
  VERIFIABLE_FORMATS,
} from '../../../shared/provenance/provenance.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class ProvenanceError extends DomainError {
  static unsupportedFormat(): ProvenanceError {
    return new ProvenanceError(
      ProvenanceErrorCode.UnsupportedFormat,
      ErrorKind.UnsupportedMedia,
      'This file is not an image whose Content Credentials can be read. Choose a JPEG, PNG, WebP, TIFF, HEIC, AVIF or GIF image.',
      { allowed: [...VERIFIABLE_FORMATS] },
    );
  }
}
