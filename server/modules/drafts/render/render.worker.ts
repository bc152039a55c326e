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

let engine: Promise<FaceAnalysisGateway> | undefined;

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
    return;
  }
  const rendered = await renderDraftVariant({
    analysis: request.analysis,
    working: Buffer.from(request.working),
    mask: Buffer.from(request.mask),
    edgeColours: request.edgeColours && Buffer.from(request.edgeColours),
    params: request.params,
  });
  reply({
    id: request.id,
    type: 'done',
    result: {
      hd: bytes(rendered.hd),
      preview: bytes(rendered.preview),
      before: bytes(rendered.before),
      width: rendered.width,
      height: rendered.height,
      textureRetained: rendered.textureRetained,
      tight: rendered.tight,
    },
  });
}
