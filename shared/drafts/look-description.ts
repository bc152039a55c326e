import type { Crop, StylePreset, VariantParams } from './drafts.types';
import { STYLE_LABELS, STYLE_PRESET_PARAMS } from './style-presets';

/**
 * A variant's look in words, from its real parameters (never the preset's description): the
 * draft card, the comparison's AI card and the photographer's brief all say the same thing.
 */

/** Names of the picker's swatches, so a chosen swatch reads exactly as the picker shows it. */
const SWATCH_NAMES: Record<string, string> = {
  '#5b6770': 'slate grey',
  '#2e3440': 'charcoal',
  '#f2f2f0': 'white',
  '#1f4e79': 'navy blue',
  '#7a2e3a': 'burgundy',
  '#2f5d50': 'forest green',
  '#d9cbb8': 'beige',
};

/** A plain colour name for any `#rrggbb`: the swatch's name, else one from hue and lightness. */
export function colourName(hex: string): string {
  const key = hex.toLowerCase();
  if (SWATCH_NAMES[key]) return SWATCH_NAMES[key];
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(key);
  if (!match) return key;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const light = (max + min) / 2;
  const chroma = max - min;
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * light - 1));
  if (saturation < 0.12 || chroma < 0.06) {
    if (light > 0.9) return 'white';
    if (light > 0.7) return 'light grey';
    if (light > 0.4) return 'grey';
    if (light > 0.15) return 'dark grey';
    return 'black';
  }
  let hue: number;
  if (max === r) hue = ((g - b) / chroma) % 6;
  else if (max === g) hue = (b - r) / chroma + 2;
  else hue = (r - g) / chroma + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue >= 15 && hue < 65 && light > 0.7 && saturation < 0.6) return 'beige';
  if (hue >= 10 && hue < 50 && light < 0.4) return 'brown';
  const base =
    hue < 15 || hue >= 345
      ? 'red'
      : hue < 40
        ? 'orange'
        : hue < 65
          ? 'yellow'
          : hue < 160
            ? 'green'
            : hue < 195
              ? 'teal'
              : hue < 255
                ? 'blue'
                : hue < 290
                  ? 'purple'
                  : 'pink';
  if (base === 'blue' && light < 0.3) return 'navy blue';
  if (light > 0.75) return `light ${base}`;
  if (light < 0.25) return `dark ${base}`;
  return base;
}

export function backdropWords(p: Pick<VariantParams, 'backdrop' | 'backdropColor'>): string {
  if (p.backdrop === 'blur') return 'your own background, softly blurred';
  const colour = `${colourName(p.backdropColor)} (${p.backdropColor.toLowerCase()})`;
  return p.backdrop === 'gradient' ? `studio gradient in ${colour}` : `solid ${colour} backdrop`;
}

export function cropWords(crop: Crop): string {
  if (crop === '1:1') return '1:1 square';
  if (crop === '4:5') return '4:5 portrait';
  return '3:2 landscape';
}

/** −1 … 1 in words: "slightly warm", "very cool", or the neutral phrase. */
function scaleWords(value: number, up: string, down: string, neutral: string): string {
  const size = Math.abs(value);
  if (size < 0.1) return neutral;
  const word = value > 0 ? up : down;
  if (size < 0.35) return `slightly ${word}`;
  if (size < 0.7) return word;
  return `very ${word}`;
}

export function ambienceWords(p: VariantParams): string {
  return [
    scaleWords(p.warmth, 'warm', 'cool', 'neutral colour temperature'),
    scaleWords(p.brightness, 'bright', 'dark', 'normal brightness'),
    scaleWords(p.contrast, 'contrasty', 'soft', 'normal contrast'),
    p.monochrome ? 'black and white' : 'in colour',
  ].join(', ');
}

/** Variants made before studio light existed have no `relight`: their own light, then. */
export function lightWords(relight: number | undefined): string {
  return relight && relight > 0
    ? `studio light ${Math.round(relight * 100)} %`
    : 'the photo’s own light';
}

export function retouchWords(retouch: number): string {
  return retouch <= 0 ? 'no skin retouch' : `skin retouch ${Math.round(retouch * 100)} %`;
}

const PARAM_NAMES: Record<keyof VariantParams, string> = {
  backdrop: 'backdrop',
  backdropColor: 'backdrop colour',
  warmth: 'warmth',
  brightness: 'brightness',
  contrast: 'contrast',
  monochrome: 'black and white',
  crop: 'crop',
  retouch: 'retouch',
  relight: 'studio light',
  straighten: 'straightening',
};

/** What the client changed from the style's preset, in words ("backdrop colour", "crop"). */
export function changedFromPreset(style: StylePreset, params: VariantParams): string[] {
  const preset = STYLE_PRESET_PARAMS[style] as unknown as Record<string, unknown>;
  const given = params as unknown as Record<string, unknown>;
  return (Object.keys(PARAM_NAMES) as (keyof VariantParams)[])
    .filter((key) => {
      if (key === 'backdropColor' && params.backdrop === 'blur') return false;
      const a = given[key];
      const b = preset[key];
      if (a === undefined) return false;
      return typeof a === 'number' && typeof b === 'number'
        ? Math.abs(a - b) > 1e-6
        : String(a).toLowerCase() !== String(b).toLowerCase();
    })
    .map((key) => PARAM_NAMES[key]);
}

export interface LookDescription {
  /** "Professional" or "Professional, adjusted". */
  title: string;
  /** One line: backdrop · crop · ambience · light · retouch · head. */
  summary: string;
  /** The parameters changed from the preset, in words (empty: the preset as it is). */
  adjusted: string[];
}

export function describeLook(style: StylePreset, params: VariantParams): LookDescription {
  const adjusted = changedFromPreset(style, params);
  const name = STYLE_LABELS[style].name;
  const summary = [
    backdropWords(params),
    `${cropWords(params.crop)} crop`,
    ambienceWords(params),
    lightWords(params.relight),
    retouchWords(params.retouch),
    params.straighten ? 'head levelled' : 'head as photographed',
  ].join(' · ');
  return {
    title: adjusted.length ? `${name}, adjusted` : name,
    summary: summary.charAt(0).toUpperCase() + summary.slice(1),
    adjusted,
  };
}
