import type { QualityCheckId } from '../../../../shared/drafts/drafts.types';
import { type FaceMeasurements, qualityReport } from './quality-report';

function aGoodPhoto(overrides: Partial<FaceMeasurements> = {}): FaceMeasurements {
  return {
    faceHeightPx: 900,
    roll: 1,
    yaw: 2,
    pitch: 3,
    gaze: 2,
    eyeOpenness: 0.3,
    sharpness: 900,
    faceBrightLuminance: 200,
    highlightClipping: 0,
    shadowClipping: 0.01,
    smile: 1,
    tightFraming: false,
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
    ['a strongly turned face', { yaw: 35 }, 'headTurn', 'fail', /studio session/],
    ['a tilted head', { roll: 15 }, 'headTilt', 'warn', /Hold your head level/],
    ['a soft photo', { sharpness: 60 }, 'sharpness', 'warn', /hold the phone steady/],
    ['a blurred photo', { sharpness: 10 }, 'sharpness', 'fail', /hold the phone steady/],
    ['a dark face', { faceBrightLuminance: 80 }, 'exposure', 'warn', /Face a window/],
    ['closed eyes', { eyeOpenness: 0.05 }, 'eyesOpen', 'fail', /eyes fully open/],
    ['eyes away from the lens', { gaze: 12 }, 'eyeContact', 'warn', /Look straight into the lens/],
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

  it('judges eye contact against the gaze preference', () => {
    expect(statusOf(aGoodPhoto({ gaze: 1 }), 'eyeContact', 'direct').status).toBe('pass');
    expect(statusOf(aGoodPhoto({ gaze: 1 }), 'eyeContact', 'averted').status).toBe('warn');
    expect(statusOf(aGoodPhoto({ gaze: 14 }), 'eyeContact', 'averted').status).toBe('pass');
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
