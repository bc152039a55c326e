/** Pixel sizes of the draft pipeline. */

/** Longest side of the stored working copy (uploads are reduced to this on arrival). */
export const WORKING_MAX = 2560;
/** Longest side of the image the models see. */
export const ANALYSIS_MAX = 768;
/** Longest side of an HD variant (never more than the crop's own pixels). */
export const HD_MAX = 2400;
/** Longest side of a marked preview. */
export const PREVIEW_MAX = 1024;
