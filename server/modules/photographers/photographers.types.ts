/** The rows the photographers module hands to other modules through PhotographerCatalog. */
export type { Package } from './package.entity';
export type { PhotographerProfile } from './photographer-profile.entity';
