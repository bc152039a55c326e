import type { MessagePort } from 'node:worker_threads';
import type { SigningChainPem } from '../../../common/content-credentials/signing-chain';
import type { VariantParams } from '../../../../shared/drafts/drafts.types';
import type { AnalysisOutcome, DraftAnalysis } from '../domain/draft-analysis';

/** What a render worker thread is asked to do (one piscina task). */
export type WorkerTask =
  | {
      type: 'analyse';
      source: Uint8Array;
      /** The thread posts each stage (`'analysing'`, `'segmenting'`) here as it starts it. */
      progress: MessagePort;
    }
  | {
      type: 'render';
      analysis: DraftAnalysis;
      working: Uint8Array;
      mask: Uint8Array;
      /** Absent for drafts made before edge decontamination. */
      edgeColours?: Uint8Array;
      params: VariantParams;
      /** The marked preview and its before image, or the HD image. */
      output: 'preview' | 'hd';
      /** The chain that signs the image's Content Credentials. */
      signing: SigningChainPem;
    };

export type RenderStage = 'analysing' | 'segmenting';

export interface AnalyseResult {
  outcome: AnalysisOutcome;
  working?: Uint8Array;
  mask?: Uint8Array;
  edgeColours?: Uint8Array;
}

export interface RenderResult {
  /** The marked preview or the HD image, as asked, with its signed Content Credentials. */
  image: Uint8Array;
  /** With a preview: the same crop of the untouched photo, at the preview's size. */
  before?: Uint8Array;
  /** The HD image's size, whichever was made. */
  width: number;
  height: number;
  textureRetained: number;
  tight: boolean;
}
