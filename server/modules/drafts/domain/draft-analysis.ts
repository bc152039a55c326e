import type { DraftFailure } from '../../../../shared/drafts/drafts.types';
import type { Box, Point } from './face-geometry';
import type { FaceMeasurements } from './quality-report';

/**
 * What the first render learns about the photo and stores with the draft, so that re-renders
 * need no model: geometry in working-image pixels and the measurements behind the report.
 * No identity descriptor, age, gender or emotion is ever part of it.
 */
export interface DraftAnalysis {
  working: { width: number; height: number };
  face: {
    box: Box;
    eyes: Point;
    chin: Point;
    hairTop: Point;
    roll: number;
    outline: Point[];
    /** Eyes, brows and lips: never smoothed. */
    keepSharp: Point[][];
  };
  measurements: Omit<FaceMeasurements, 'textureRetained' | 'tightFraming' | 'hdSize'>;
  /**
   * SHA-256 (hex) of the photo as uploaded: the AI images' Content Credentials name their source
   * by this hash alone. Absent for drafts analysed before it was kept.
   */
  sourceSha256?: string;
}

export type AnalysisOutcome =
  { ok: true; analysis: DraftAnalysis } | { ok: false; failure: DraftFailure };
