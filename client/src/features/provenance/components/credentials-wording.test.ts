import { describe, expect, it } from 'vitest';
import { ProvenanceErrorCode } from '@shared/provenance/provenance.types';
import { ApiError, NetworkError } from '@/lib/api-client';
import { describeAction, describeSourceType, describeVerifyError } from './credentials-wording';

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

describe('Content Credentials in plain words', () => {
  it.each([
    [`${IPTC}trainedAlgorithmicMedia`, 'made entirely by a generative AI model'],
    [
      `${IPTC}compositeWithTrainedAlgorithmicMedia`,
      'a photo combined with parts made or changed by AI',
    ],
    [`${IPTC}digitalCapture`, 'taken with a digital camera'],
    [`${IPTC}somethingNew`, 'somethingNew'],
  ])('source type %s reads "%s"', (uri, words) => {
    expect(describeSourceType(uri)).toBe(words);
  });

  it.each([
    ['c2pa.created', 'Created'],
    ['c2pa.color_adjustments', 'Colours adjusted'],
    ['c2pa.watermarked', 'watermarked'],
    ['com.example.retouched', 'com.example.retouched'],
  ])('action %s reads "%s"', (action, words) => {
    expect(describeAction(action)).toBe(words);
  });

  it.each([
    [
      new ApiError(415, ProvenanceErrorCode.UnsupportedFormat, 'x'),
      /not an image whose Content Credentials can be read/,
    ],
    [new ApiError(413, 'PAYLOAD_TOO_LARGE', 'x'), /larger than 40 MB/],
    [new ApiError(413, 'HTTP_ERROR', 'The request failed (HTTP 413).'), /larger than 40 MB/],
    [new ApiError(400, 'FILE_MISSING', 'x'), /did not arrive/],
    [new ApiError(429, 'RATE_LIMITED', 'x', undefined, 20), /Wait 20 seconds/],
    [new NetworkError(), /Can't reach Lensbridge/],
  ])('explains %o', (error, sentence) => {
    expect(describeVerifyError(error)).toMatch(sentence);
  });
});
