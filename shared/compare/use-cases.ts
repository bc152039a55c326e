/**
 * What a headshot is for. The comparison, the quality report's verdicts and the hand-off brief
 * all speak in these use cases, so they live in one place.
 */
export const USE_CASES = ['profile', 'website', 'press', 'executive', 'actor', 'print'] as const;
export type UseCase = (typeof USE_CASES)[number];

export const USE_CASE_LABELS: Record<UseCase, string> = {
  profile: 'Profile / LinkedIn refresh',
  website: 'Company website / team page',
  press: 'Conference or press bio',
  executive: 'Executive / official portrait',
  actor: 'Actor or model headshots',
  print: 'Print (brochure, poster, book)',
};

/** How many finished images the use case usually needs (the studio cost counts extras beyond the package). */
export const IMAGES_NEEDED: Record<UseCase, number> = {
  profile: 1,
  website: 2,
  press: 3,
  executive: 5,
  actor: 6,
  print: 3,
};
