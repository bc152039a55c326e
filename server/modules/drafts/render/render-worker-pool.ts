import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { AnalyseResult, RenderResult, RenderStage, WorkerTask } from './render-protocol';
import { workerScriptFor } from '../../../common/worker-script';
import { ProvenanceService } from '../../provenance/provenance.service';

/**
 * Tasks one thread runs at once. Most of a render is libvips work on the libuv thread pool, so
 * a few renders in flight keep both cores busy while the models are loaded only once.
 */
const TASKS_PER_WORKER = 3;

/**
 * Render threads yield the CPU to the API's: on Linux the nice value belongs to a thread, and
 * piscina raises each of its threads' by this much (no effect where a platform does not allow it).
 */
const RENDER_NICENESS = 10;

export class WorkerPoolClosedError extends Error {
  constructor() {
    super('The render worker pool is shut down');
  }
}

/**
 * The render worker threads (DRAFT_RENDER_WORKERS), run by piscina: a FIFO of tasks, each
 * thread taking up to three at once, the least busy first. A thread that crashes fails the
 * tasks it was running (the render queue retries them) and piscina starts another. Started on
 * the first task; shutting down interrupts the tasks in flight with `WorkerPoolClosedError`.
 *
 * Each thread keeps its own last decoded images and preview cut-outs (`decodedOnce`, previews
 * only; `cutOutOnce`), keyed by digests of the bytes: with several threads a re-render may land on
 * another thread and redo that work (a miss, never a wrong image), as it did before piscina.
 */
@Injectable()
export class RenderWorkerPool implements OnModuleDestroy {
  private readonly logger = new Logger(RenderWorkerPool.name);
  private piscina?: Piscina<WorkerTask, AnalyseResult | RenderResult>;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provenance: ProvenanceService,
  ) {}

  get size(): number {
    return this.config.drafts.workers;
  }

  async analyse(source: Buffer, onStage: (stage: RenderStage) => void): Promise<AnalyseResult> {
    const copy = new Uint8Array(source);
    const { port1: stages, port2: progress } = new MessageChannel();
    let done = false;
    // Stages arrive on their own port; one that comes after the result is stale.
    stages.on('message', (stage: RenderStage) => {
      if (!done) onStage(stage);
    });
    try {
      return (await this.run({ type: 'analyse', source: copy, progress }, [
        copy.buffer,
        progress,
      ])) as AnalyseResult;
    } finally {
      done = true;
      stages.close();
    }
  }

  async render(
    task: Omit<Extract<WorkerTask, { type: 'render' }>, 'type' | 'signing'>,
  ): Promise<RenderResult> {
    const signing = this.provenance.signingChain();
    return (await this.run({ type: 'render', ...task, signing }, [])) as RenderResult;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.piscina?.destroy();
  }

  private async run(
    task: WorkerTask,
    transferList: (ArrayBuffer | MessagePort)[],
  ): Promise<AnalyseResult | RenderResult> {
    if (this.closed) throw new WorkerPoolClosedError();
    if (this.size === 0) throw new Error('DRAFT_RENDER_WORKERS is 0');
    try {
      return await this.pool().run(task, { transferList });
    } catch (error) {
      if (this.closed) throw new WorkerPoolClosedError();
      throw error;
    }
  }

  private pool(): Piscina<WorkerTask, AnalyseResult | RenderResult> {
    if (this.piscina) return this.piscina;
    const script = workerScriptFor('render.worker', __dirname);
    this.piscina = new Piscina({
      filename: script.filename,
      execArgv: script.execArgv,
      minThreads: this.size,
      maxThreads: this.size,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      niceIncrement: RENDER_NICENESS,
      // Tasks leave work on the thread's event loop (a collection after a large render), which
      // piscina's default Atomics.wait between tasks would hold up.
      atomics: 'disabled',
    });
    // A thread that fails while running nothing: its tasks are none, piscina replaces it.
    this.piscina.on('error', (error: Error) =>
      this.logger.error(`Render worker failed: ${error.message}`),
    );
    return this.piscina;
  }
}
