import type { Pt } from './compositor-geometry';

export interface RenderFrame {
  /** Degrees, clockwise, around `pivot` (working-image pixels). */
  angle: number;
  pivot: Pt;
  /** The crop in the straightened frame, working-image pixels. */
  rect: { x: number; y: number; width: number; height: number };
  /**
   * Straightened y below which a body that runs out of the photo continues to the frame's edge
   * (the chin); above it, whatever touches the photo's edge fades out instead of continuing.
   */
  bodyTop?: number;
}

export interface RenderLook {
  backdrop: 'gradient' | 'solid' | 'blur';
  backdropColor: string;
  warmth: number;
  brightness: number;
  contrast: number;
  monochrome: boolean;
  retouch: number;
  /** Studio light (key, fill, rim, colour harmony; see relight.ts), 0–1. */
  relight: number;
}

export interface RetouchRegion {
  /** Polygons in working-image pixels. Skin = inside `outline`, minus eyes, brows and lips. */
  outline: Pt[];
  keepSharp: Pt[][];
}
