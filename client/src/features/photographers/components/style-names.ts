import type { PhotoStyle } from '@shared/photographers/photographers.types';

export const STYLE_NAMES: Record<PhotoStyle, string> = {
  corporate: 'Corporate',
  editorial: 'Editorial',
  creative: 'Creative',
  'natural-light': 'Natural light',
  'black-and-white': 'Black and white',
  outdoor: 'Outdoor',
  actor: 'Actor headshots',
  studio: 'Studio',
};

export function styleName(style: string): string {
  return STYLE_NAMES[style as PhotoStyle] ?? style;
}
