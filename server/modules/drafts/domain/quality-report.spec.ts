import type { QualityCheckId } from '../../../../shared/drafts/drafts.types';
import { type FaceMeasurements, qualityReport } from './quality-report';

function aGoodPhoto(overrides: Partial<FaceMeasurements> = {}): FaceMeasurements {
  return {
    faceHeightPx: 900,
    roll: 1,
    yaw: 2,
    pitch: 3,
    gaze: 2,
    gazeVertical: 1,
    eyeOpenness: 0.3,
    sharpness: 900,
    faceBrightLuminance: 200,
    highlightClipping: 0,
    shadowClipping: 0.01,
    smile: 1,
    tightFraming: false,
    hdSize: { width: 1600, height: 2000 },
    textureRetained: 0.8,
    ...overrides,
  };
}

const statusOf = (m: FaceMeasurements, id: QualityCheckId, gaze: 'direct' | 'averted' = 'direct') =>
  qualityReport(m, gaze).checks.find((c) => c.id === id)!;

describe(qualityReport.name, () => {
  it('passes every check on a good photo and says the AI draft is enough online', () => {
    const report = qualityReport(aGoodPhoto(), 'direct');
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.verdicts.map((v) => [v.useCase, v.verdict])).toEqual([
      ['profile', 'ai_ok'],
      ['website', 'ai_ok'],
      ['press', 'ai_ok'],
      ['executive', 'studio_advised'],
      ['actor', 'studio_advised'],
      ['print', 'studio_advised'],
    ]);
  });

  it.each<[string, Partial<FaceMeasurements>, QualityCheckId, 'warn' | 'fail', RegExp]>([
    [
      'a turned face',
      { yaw: -18 },
      'headTurn',
      'warn',
      /turned 18° to the left — turn towards the lens/,
    ],
    ['a face in profile', { yaw: 45 }, 'headTurn', 'fail', /studio session/],
    ['a tilted head', { roll: 15 }, 'headTilt', 'warn', /Hold your head level/],
    [
      'a photo too small for the crop',
      { hdSize: { width: 445, height: 556 } },
      'cropResolution',
      'warn',
      /upload the original photo/,
    ],
    ['a soft photo', { sharpness: 60 }, 'sharpness', 'warn', /hold the phone steady/],
    ['a blurred photo', { sharpness: 10 }, 'sharpness', 'fail', /hold the phone steady/],
    ['a dark face', { faceBrightLuminance: 80 }, 'exposure', 'warn', /Face a window/],
    ['closed eyes', { eyeOpenness: 0.05 }, 'eyesOpen', 'fail', /eyes fully open/],
    [
      'eyes just past the lens',
      { gaze: 15 },
      'eyeContact',
      'warn',
      /^Looking past the lens, about 15° to the right — look into the lens/,
    ],
    [
      'eyes looking down at a phone',
      { gaze: -5, gazeVertical: 20 },
      'eyeContact',
      'fail',
      /^Looking down, about 21° below the lens — look into the lens/,
    ],
    [
      'eyes looking up',
      { gazeVertical: -20 },
      'eyeContact',
      'fail',
      /^Looking up, about 20° above the lens/,
    ],
    [
      'half-closed eyes',
      { eyeOpenness: 0.14 },
      'eyeContact',
      'fail',
      /Open your eyes fully.*without sunglasses/,
    ],
    ['blown highlights', { highlightClipping: 0.2 }, 'clipping', 'fail', /softer, even light/],
    [
      'a small face',
      { faceHeightPx: 200 },
      'faceSize',
      'warn',
      /too small for large or printed use/,
    ],
    ['over-smoothed skin', { textureRetained: 0.3 }, 'retouch', 'warn', /Lower the retouch/],
  ])('flags %s', (_, overrides, id, status, fix) => {
    const result = statusOf(aGoodPhoto(overrides), id);
    expect(result.status).toBe(status);
    expect(result.fix).toMatch(fix);
  });

  it.each<[string, Partial<FaceMeasurements>, 'direct' | 'averted', 'pass' | 'warn' | 'fail']>([
    ['eyes on the lens, direct', { gaze: 1, gazeVertical: 0 }, 'direct', 'pass'],
    ['eyes on the lens, averted', { gaze: 1, gazeVertical: 0 }, 'averted', 'warn'],
    ['eyes just beside the lens, averted', { gaze: 14, gazeVertical: 2 }, 'averted', 'pass'],
    ['eyes just below the lens, averted', { gaze: 2, gazeVertical: 12 }, 'averted', 'pass'],
    ['eyes far from the lens, averted', { gaze: 30, gazeVertical: 10 }, 'averted', 'fail'],
    ['eyes far below the lens, direct', { gaze: 0, gazeVertical: 30 }, 'direct', 'fail'],
    ['closed eyes, averted', { eyeOpenness: 0.05, gaze: 14 }, 'averted', 'fail'],
  ])('judges eye contact against the gaze preference: %s', (_, overrides, preference, status) => {
    expect(statusOf(aGoodPhoto(overrides), 'eyeContact', preference).status).toBe(status);
  });

  it('keeps eye contact and a turned face apart', () => {
    // Head turned 26° to the right, eyes turned back onto the lens.
    const turned = aGoodPhoto({ yaw: 26, gaze: 2, gazeVertical: 1 });
    expect(statusOf(turned, 'eyeContact').status).toBe('pass');
    expect(statusOf(turned, 'headTurn')).toMatchObject({
      status: 'warn',
      measured: 'face turned 26° to the right',
    });
    // A frontal face with the eyes far to the side fails eye contact, not the face check.
    const glancing = aGoodPhoto({ yaw: 2, gaze: -24 });
    expect(statusOf(glancing, 'eyeContact').status).toBe('fail');
    expect(statusOf(glancing, 'headTurn').status).toBe('pass');
    expect(statusOf(aGoodPhoto({ yaw: 50, gaze: 3 }), 'headTurn').status).toBe('fail');
  });

  it('never fails a person for their expression', () => {
    expect(statusOf(aGoodPhoto({ smile: 0.7 }), 'expression').status).toBe('pass');
  });

  it('advises a studio for press when the photo is soft, and for every use when a check fails', () => {
    const soft = qualityReport(aGoodPhoto({ sharpness: 60 }), 'direct');
    expect(soft.verdicts.find((v) => v.useCase === 'press')!.verdict).toBe('studio_advised');
    expect(soft.verdicts.find((v) => v.useCase === 'profile')!.verdict).toBe('ai_ok');
    const closed = qualityReport(aGoodPhoto({ eyeOpenness: 0.05 }), 'direct');
    expect(closed.verdicts.every((v) => v.verdict === 'studio_advised')).toBe(true);
    expect(closed.verdicts[0]!.reason).toMatch(/eyes open/);
  });
});
