import { createVariantSchema, variantParamsSchema } from './drafts.schema';
import { STYLE_PRESETS } from './drafts.types';
import { STYLE_PRESET_PARAMS } from './style-presets';

describe('variant parameters', () => {
  it.each(STYLE_PRESETS)('the %s preset is valid and has a studio light strength', (style) => {
    const params = STYLE_PRESET_PARAMS[style];
    expect(variantParamsSchema.parse(params)).toEqual(params);
    expect(params.relight).toBeGreaterThan(0);
    expect(params.relight).toBeLessThanOrEqual(1);
  });

  it.each([
    [0, true],
    [0.45, true],
    [1, true],
    [-0.1, false],
    [1.2, false],
    ['0.5', false],
  ])('studio light %p is accepted: %p', (relight, ok) => {
    const result = createVariantSchema.safeParse({ style: 'creative', params: { relight } });
    expect(result.success).toBe(ok);
  });
});
