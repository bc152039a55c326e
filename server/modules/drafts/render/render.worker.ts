import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type FaceAnalysisGateway, HumanFaceAnalysis } from '../face-analysis.gateway';
import { analysePhoto, renderDraftVariant } from './draft-pipeline';
import type { WorkerReply, WorkerRequest } from './render-protocol';

/**
 * A render worker thread: loads the models once, then analyses photos and renders variants on
 * request. Everything CPU-heavy of the draft studio happens here, off the API's event loop.
 */
const port = parentPort;
if (!port) throw new Error('render.worker must run in a worker thread');

/**
 * This thread yields the CPU to the API's: on Linux the nice value belongs to a thread, and
 * `setPriority(0, …)` sets the calling one's, so requests stay quick while both cores render
 * (no effect, and no error, where a platform does not allow it).
 */
const RENDER_NICENESS = 10;
try {
  setPriority(0, RENDER_NICENESS);
} catch {
  // Lowering priority is always allowed on Linux; elsewhere it is only a nicety.
}

let engine: Promise<FaceAnalysisGateway> | undefined;

/**
 * With `node --expose-gc` (as `npm start` runs): after an analysis or an HD render, whose
 * working-size buffers are tens of megabytes, a collection right after the reply gives them back
 * at once instead of whenever V8 next collects (measured: 65 MB less peak RSS while HD images
 * are made). Previews are small and frequent, and are left to V8.
 */
const collect = (globalThis as { gc?: () => void }).gc;
const releaseMemory = () => {
  if (collect) setImmediate(collect);
};

const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);

port.on('message', (request: WorkerRequest) => {
  void handle(request).catch((error: unknown) =>
    reply({
      id: request.id,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    }),
  );
});

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'analyse') {
    engine ??= HumanFaceAnalysis.create();
    const analysed = await analysePhoto(await engine, Buffer.from(request.source), (stage) =>
      reply({ id: request.id, type: 'stage', stage }),
    );
    reply({
      id: request.id,
      type: 'done',
      result: {
        outcome: analysed.outcome,
        working: analysed.working && bytes(analysed.working),
        mask: analysed.mask && bytes(analysed.mask),
        edgeColours: analysed.edgeColours && bytes(analysed.edgeColours),
      },
    });
    releaseMemory();
    return;
  }
  const rendered = await renderDraftVariant({
    analysis: request.analysis,
    working: Buffer.from(request.working),
    mask: Buffer.from(request.mask),
    edgeColours: request.edgeColours && Buffer.from(request.edgeColours),
    params: request.params,
    output: request.output,
  });
  reply({
    id: request.id,
    type: 'done',
    result: {
      image: bytes(rendered.image),
      before: rendered.before && bytes(rendered.before),
      width: rendered.width,
      height: rendered.height,
      textureRetained: rendered.textureRetained,
      tight: rendered.tight,
    },
  });
  if (request.output === 'hd') releaseMemory();
}
