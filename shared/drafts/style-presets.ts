import type { StylePreset, VariantParams } from './drafts.types';

/** The starting parameters of each style; a user changes any of them afterwards. */
export const STYLE_PRESET_PARAMS: Record<StylePreset, VariantParams> = {
  professional: {
    backdrop: 'gradient',
    backdropColor: '#5b6770',
    warmth: 0,
    brightness: 0.05,
    contrast: 0.05,
    monochrome: false,
    crop: '4:5',
    retouch: 0.35,
    relight: 0.6,
    straighten: true,
  },
  creative: {
    backdrop: 'solid',
    backdropColor: '#1f4e79',
    warmth: 0,
    brightness: 0,
    contrast: 0.3,
    monochrome: false,
    crop: '1:1',
    retouch: 0.3,
    relight: 0.7,
    straighten: true,
  },
  relaxed: {
    backdrop: 'blur',
    backdropColor: '#d9cbb8',
    warmth: 0.35,
    brightness: 0.08,
    contrast: -0.05,
    monochrome: false,
    crop: '4:5',
    retouch: 0.25,
    relight: 0.35,
    straighten: true,
  },
};

export const STYLE_LABELS: Record<StylePreset, { name: string; description: string }> = {
  professional: {
    name: 'Professional',
    description: 'Studio grey gradient, neutral colour, 4:5 portrait crop.',
  },
  creative: {
    name: 'Creative',
    description: 'A bold colour backdrop (or high-key black and white) with more contrast.',
  },
  relaxed: {
    name: 'Relaxed',
    description: 'Your own background softly blurred, with a warm grade.',
  },
};

/** Suggested backdrop colours for the picker. */
export const BACKDROP_SWATCHES = [
  '#5b6770',
  '#2e3440',
  '#f2f2f0',
  '#1f4e79',
  '#7a2e3a',
  '#2f5d50',
  '#d9cbb8',
] as const;
