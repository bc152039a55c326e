import { STYLE_PRESET_PARAMS } from '../../../shared/drafts/style-presets';
import type { QualityCheck } from '../../../shared/drafts/drafts.types';
import { briefSnapshot, defaultBriefVariant, toBookingBriefDto } from './booking-brief';

const check = (overrides: Partial<QualityCheck>): QualityCheck => ({
  id: 'headTurn',
  label: 'Head turn',
  status: 'pass',
  measured: 'facing the camera',
  value: 0,
  fix: '',
  ...overrides,
});

describe(defaultBriefVariant.name, () => {
  it.each([
    ['professional first', ['relaxed:ready', 'professional:ready', 'creative:ready'], 1],
    [
      'creative when professional is not ready',
      ['professional:failed', 'relaxed:ready', 'creative:ready'],
      2,
    ],
    ['the oldest of one style', ['creative:ready', 'creative:ready'], 0],
    ['none ready', ['professional:rendering', 'creative:failed'], null],
  ])('%s', (_name, rows, expected) => {
    const variants = rows.map((row, index) => {
      const [style, status] = row.split(':') as ['professional', string];
      return { index, style, status };
    });
    expect(defaultBriefVariant(variants)?.index ?? null).toBe(expected);
  });
});

describe(briefSnapshot.name, () => {
  const brief = briefSnapshot({
    style: 'relaxed',
    params: { ...STYLE_PRESET_PARAMS.relaxed, monochrome: true, contrast: 0.8 },
    useCase: 'actor',
    notes: '  Left profile is better. ',
    report: {
      gazePreference: 'direct',
      verdicts: [],
      checks: [
        check({}),
        check({
          id: 'sharpness',
          label: 'Sharpness',
          status: 'warn',
          measured: 'slightly soft',
          fix: 'A sharper photo is needed for print.',
        }),
        check({ id: 'exposure', label: 'Exposure', status: 'fail', measured: 'dark', fix: '' }),
      ],
    },
  });

  it('keeps only the checks that did not pass, as findings', () => {
    expect(brief.findings).toEqual([
      {
        label: 'Sharpness',
        status: 'warn',
        measured: 'slightly soft',
        fix: 'A sharper photo is needed for print.',
      },
      { label: 'Exposure', status: 'fail', measured: 'dark', fix: '' },
    ]);
  });

  it('says the look, the use, the notes and the findings in plain words', () => {
    expect(brief.text.split('\n')).toEqual([
      'Brief from the client’s AI draft (the preview is AI-generated; match the look, not the pixels).',
      'For: Actor or model headshots',
      'Style: Relaxed — Your own background softly blurred, with a warm grade.',
      'Backdrop: their own surroundings, softly blurred',
      'Crop: 4:5 (portrait)',
      'Ambience: warm, normal brightness, very contrasty, black and white',
      'Retouch: 25 % (skin texture kept)',
      'Head: levelled (straight)',
      'Client’s notes: Left profile is better.',
      'What the AI draft could not fix (please get these right in the studio):',
      '- Sharpness (warn): slightly soft — A sharper photo is needed for print.',
      '- Exposure (fail): dark',
    ]);
  });

  it('links the preview only while the booking still has its draft', () => {
    expect(toBookingBriefDto('b-1', brief, 'd-1')?.previewUrl).toBe(
      '/api/bookings/b-1/brief/preview',
    );
    expect(toBookingBriefDto('b-1', brief, null)?.previewUrl).toBeNull();
    expect(toBookingBriefDto('b-1', null, 'd-1')).toBeNull();
  });
});
