import type { UseCase } from '../../../../shared/compare/use-cases';
import type { PhotoStyle } from '../../../../shared/photographers/photographers.types';

/** The styles that suit each use case, best first (a photographer's styles are self-declared). */
export const FITTING_STYLES: Record<UseCase, PhotoStyle[]> = {
  profile: ['corporate', 'natural-light', 'studio'],
  website: ['corporate', 'studio', 'natural-light'],
  press: ['editorial', 'corporate', 'studio'],
  executive: ['corporate', 'editorial', 'studio'],
  actor: ['actor', 'natural-light', 'studio'],
  print: ['studio', 'editorial', 'corporate'],
};

/** The session length the use case needs to get its images without rushing. */
export const MIN_MINUTES: Record<UseCase, number> = {
  profile: 20,
  website: 30,
  press: 30,
  executive: 45,
  actor: 60,
  print: 45,
};

/** The use case as the object of a sentence: "cheapest for a LinkedIn profile". */
export const USE_CASE_NOUN: Record<UseCase, string> = {
  profile: 'a LinkedIn profile',
  website: 'a team page',
  press: 'a press bio',
  executive: 'an executive portrait',
  actor: 'actor headshots',
  print: 'print',
};

/** The photographer's best style for the use case, or null when none of theirs suits it. */
export function fittingStyle(useCase: UseCase, styles: readonly string[]): PhotoStyle | null {
  return FITTING_STYLES[useCase].find((s) => styles.includes(s)) ?? null;
}

export function styleName(style: PhotoStyle): string {
  return style === 'actor' ? 'actor-headshot' : style;
}
