import { STYLE_PRESET_PARAMS } from '../../../shared/drafts/style-presets';
import type { QualityCheck } from '../../../shared/drafts/drafts.types';
import { briefSnapshot, toBookingBriefDto } from './booking-brief';

const check = (overrides: Partial<QualityCheck>): QualityCheck => ({
  id: 'headTurn',
  label: 'Head turn',
  status: 'pass',
  measured: 'facing the camera',
  value: 0,
  fix: '',
  ...overrides,
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
      'Style: Relaxed, adjusted by the client (contrast, black and white)',
      'Backdrop: your own background, softly blurred',
      'Crop: 4:5 portrait',
      'Ambience: warm, normal brightness, very contrasty, black and white',
      'Light: studio light 35 %',
      'Retouch: 25 % (skin texture kept)',
      'Head: levelled (straight)',
      'Client’s notes: Left profile is better.',
      'What the AI draft could not fix (please get these right in the studio):',
      '- Sharpness (warn): slightly soft — A sharper photo is needed for print.',
      '- Exposure (fail): dark',
    ]);
  });

  it('describes an adjusted look by its real parameters, not the preset’s description', () => {
    const lines = briefSnapshot({
      style: 'professional',
      params: {
        ...STYLE_PRESET_PARAMS.professional,
        backdrop: 'solid',
        backdropColor: '#F2F2F0',
        crop: '1:1',
      },
      useCase: null,
      notes: null,
      report: null,
    }).text.split('\n');
    expect(lines).toContain(
      'Style: Professional, adjusted by the client (backdrop, backdrop colour, crop)',
    );
    expect(lines).toContain('Backdrop: solid white (#f2f2f0) backdrop');
    expect(lines).toContain('Crop: 1:1 square');
    expect(lines.join(' ')).not.toMatch(/gradient|4:5|grey/);
  });

  it('keeps the preset’s description for a look nobody changed', () => {
    const text = briefSnapshot({
      style: 'professional',
      params: { ...STYLE_PRESET_PARAMS.professional },
      useCase: null,
      notes: null,
      report: null,
    }).text;
    expect(text).toContain(
      'Style: Professional — Studio grey gradient, neutral colour, 4:5 portrait crop.',
    );
    expect(text).toContain('Backdrop: studio gradient in slate grey (#5b6770)');
  });

  it('links the preview only while the booking still has its draft', () => {
    expect(toBookingBriefDto('b-1', brief, 'd-1')?.previewUrl).toBe(
      '/api/bookings/b-1/brief/preview',
    );
    expect(toBookingBriefDto('b-1', brief, null)?.previewUrl).toBeNull();
    expect(toBookingBriefDto('b-1', null, 'd-1')).toBeNull();
  });
});
