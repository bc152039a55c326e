import { STYLE_PRESET_PARAMS } from './style-presets';
import { backdropWords, changedFromPreset, colourName, describeLook } from './look-description';

describe(colourName.name, () => {
  it.each([
    ['#f2f2f0', 'white'],
    ['#F2F2F0', 'white'],
    ['#5b6770', 'slate grey'],
    ['#1f4e79', 'navy blue'],
    ['#ffffff', 'white'],
    ['#000000', 'black'],
    ['#808080', 'grey'],
    ['#c8c8c8', 'light grey'],
    ['#ff0000', 'red'],
    ['#e07a1f', 'orange'],
    ['#2e7d32', 'green'],
    ['#1e88e5', 'blue'],
    ['#0b1a40', 'navy blue'],
    ['#8e24aa', 'purple'],
    ['#f8bbd0', 'light pink'],
    ['#6d4c41', 'brown'],
    ['#e8dcc4', 'beige'],
    ['#00897b', 'teal'],
  ])('%s is %s', (hex, name) => {
    expect(colourName(hex)).toBe(name);
  });
});

describe(describeLook.name, () => {
  it('describes a preset as it is, named plainly', () => {
    const look = describeLook('professional', STYLE_PRESET_PARAMS.professional);
    expect(look.title).toBe('Professional');
    expect(look.adjusted).toEqual([]);
    expect(look.summary).toBe(
      'Studio gradient in slate grey (#5b6770) · 4:5 portrait crop · neutral colour temperature, normal brightness, normal contrast, in colour · studio light 60 % · skin retouch 35 % · head levelled',
    );
  });

  it('describes an adjusted look by its real parameters', () => {
    const look = describeLook('professional', {
      ...STYLE_PRESET_PARAMS.professional,
      backdrop: 'solid',
      backdropColor: '#f2f2f0',
      crop: '1:1',
      retouch: 0,
      straighten: false,
    });
    expect(look.title).toBe('Professional, adjusted');
    expect(look.adjusted).toEqual([
      'backdrop',
      'backdrop colour',
      'crop',
      'retouch',
      'straightening',
    ]);
    expect(look.summary).toMatch(/^Solid white \(#f2f2f0\) backdrop · 1:1 square crop · /);
    expect(look.summary).toMatch(/no skin retouch · head as photographed$/);
  });

  it('says "the photo’s own light" without studio light, and for variants made before it', () => {
    const { relight: _relight, ...before } = STYLE_PRESET_PARAMS.creative;
    expect(
      describeLook('creative', { ...before } as typeof STYLE_PRESET_PARAMS.creative).summary,
    ).toContain('the photo’s own light');
    expect(changedFromPreset('creative', before as typeof STYLE_PRESET_PARAMS.creative)).toEqual(
      [],
    );
    expect(
      describeLook('creative', { ...STYLE_PRESET_PARAMS.creative, relight: 0 }).adjusted,
    ).toEqual(['studio light']);
  });

  it('ignores the colour of a blurred backdrop, which shows none', () => {
    const params = { ...STYLE_PRESET_PARAMS.relaxed, backdropColor: '#7a2e3a' };
    expect(changedFromPreset('relaxed', params)).toEqual([]);
    expect(backdropWords(params)).toBe('your own background, softly blurred');
  });
});
