import { PHOTO_STYLE_NAMES, type PhotoStyle } from '@shared/photographers/photographers.types';

/** A style's name for people; unknown styles (older data) show as stored. */
export function styleName(style: string): string {
  return PHOTO_STYLE_NAMES[style as PhotoStyle] ?? style;
}
