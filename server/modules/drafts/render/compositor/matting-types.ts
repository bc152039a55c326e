/** The shapes the matting steps pass between them. */

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Local person and background colour means at the mask's size (RGB, 0–255 each). */
export interface EdgeColours {
  foreground: Uint8Array;
  background: Uint8Array;
  /** Where the edge is refined and decontaminated (0–255): around the head, where hair is. */
  weight: Uint8Array;
  width: number;
  height: number;
}

/** A rectangle in the coarse mask's pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The edge colours and how much each side's colours vary around them (variance, 0–255² × 3). */
export interface LocalColours extends Omit<EdgeColours, 'weight'> {
  foregroundSpread: Float32Array;
  backgroundSpread: Float32Array;
}

export interface Matte {
  /** One byte per pixel at the working size. */
  alpha: Uint8Array;
  width: number;
  height: number;
  edgeColours: EdgeColours;
  /** The guided-filter refinement of the coarse mask (0–1) at the coarse mask's size. */
  prior: Float32Array;
}

/** Trimap values. */
export const TRIMAP = { background: 0, unknown: 128, foreground: 255 } as const;
