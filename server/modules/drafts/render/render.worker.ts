import { createHash } from 'node:crypto';
import {
  type ContentSigner,
  contentSigner,
  signJpeg,
} from '../../../common/content-credentials/content-credentials';
import { draftManifest } from '../../../common/content-credentials/manifests';
import type { SigningChainPem } from '../../../common/content-credentials/signing-chain';
import { type FaceAnalysisGateway, HumanFaceAnalysis } from '../face-analysis.gateway';
import { analysePhoto, renderDraftVariant } from './draft-pipeline';
import type { AnalyseResult, RenderResult, WorkerTask } from './render-protocol';

/**
 * A render worker thread's task (piscina loads this module once per thread): the models are
 * loaded on the first analysis, then kept; photos are analysed and variants rendered on request.
 * Everything CPU-heavy of the draft studio happens here, off the API's event loop. The thread's
 * priority is lowered by the pool (piscina's `niceIncrement`), so requests stay quick while
 * both cores render.
 */
let engine: Promise<FaceAnalysisGateway> | undefined;

/**
 * With `node --expose-gc` (as `npm start` runs): after an analysis or an HD render, whose
 * working-size buffers are tens of megabytes, a collection right after the reply gives them back
 * at once instead of whenever V8 next collects (measured: 65 MB less peak RSS while HD images
 * are made). Previews are small and frequent, and are left to V8. The pool runs piscina with
 * atomics off, so this thread's event loop keeps turning between tasks and the collection runs.
 */
const collect = (globalThis as { gc?: () => void }).gc;
const releaseMemory = () => {
  if (collect) setImmediate(collect);
};

const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);

/** The thread's signer, kept while the chain stays the same. */
let signer: { keyPem: string; signer: ContentSigner } | undefined;
function signerFor(chain: SigningChainPem): ContentSigner {
  if (signer?.keyPem !== chain.keyPem)
    signer = { keyPem: chain.keyPem, signer: contentSigner(chain) };
  return signer.signer;
}

export default async function renderTask(task: WorkerTask): Promise<AnalyseResult | RenderResult> {
  if (task.type === 'analyse') {
    try {
      engine ??= HumanFaceAnalysis.create();
      const analysed = await analysePhoto(await engine, Buffer.from(task.source), (stage) =>
        task.progress.postMessage(stage),
      );
      releaseMemory();
      const sourceSha256 = createHash('sha256').update(task.source).digest('hex');
      return {
        outcome: analysed.outcome.ok
          ? { ok: true, analysis: { ...analysed.outcome.analysis, sourceSha256 } }
          : analysed.outcome,
        working: analysed.working && bytes(analysed.working),
        mask: analysed.mask && bytes(analysed.mask),
        edgeColours: analysed.edgeColours && bytes(analysed.edgeColours),
      };
    } finally {
      task.progress.close();
    }
  }
  const rendered = await renderDraftVariant({
    analysis: task.analysis,
    working: Buffer.from(task.working),
    mask: Buffer.from(task.mask),
    edgeColours: task.edgeColours && Buffer.from(task.edgeColours),
    params: task.params,
    output: task.output,
    // An HD render collects its garbage as it goes (after each crop, before encoding), so its
    // steps' buffers never add up: the HD phase is the bench's peak RSS.
    collectGarbage: task.output === 'hd' ? collect : undefined,
  });
  // The render's last buffers are garbage now: collected before signing adds its own.
  if (task.output === 'hd') collect?.();
  const signed = await signJpeg(
    rendered.image,
    draftManifest({ output: task.output, sourceSha256: task.analysis.sourceSha256 }),
    signerFor(task.signing),
  );
  if (task.output === 'hd') releaseMemory();
  return {
    image: bytes(signed),
    before: rendered.before && bytes(rendered.before),
    width: rendered.width,
    height: rendered.height,
    textureRetained: rendered.textureRetained,
    tight: rendered.tight,
  };
}
