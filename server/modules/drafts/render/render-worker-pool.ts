import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type {
  AnalyseResult,
  RenderResult,
  WorkerReply,
  WorkerRequest,
  WorkerTask,
} from './render-protocol';
import { workerScriptFor } from './worker-script';

interface Pending {
  task: WorkerTask;
  transfer: ArrayBuffer[];
  onStage?: (stage: 'analysing' | 'segmenting') => void;
  resolve: (result: AnalyseResult | RenderResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  running: Map<number, Pending>;
}

/**
 * Tasks one worker runs at once. Most of a render is libvips work on the libuv thread pool, so
 * a few renders in flight keep both cores busy while the models are loaded only once.
 */
const TASKS_PER_WORKER = 3;

export class WorkerPoolClosedError extends Error {
  constructor() {
    super('The render worker pool is shut down');
  }
}

/**
 * A fixed pool of render worker threads (DRAFT_RENDER_WORKERS) with a FIFO of tasks. A worker
 * that crashes fails its task and is replaced. Started lazily on the first task.
 */
@Injectable()
export class RenderWorkerPool implements OnModuleDestroy {
  private readonly logger = new Logger(RenderWorkerPool.name);
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get size(): number {
    return this.config.drafts.workers;
  }

  analyse(
    source: Buffer,
    onStage: (stage: 'analysing' | 'segmenting') => void,
  ): Promise<AnalyseResult> {
    const copy = new Uint8Array(source);
    return this.run(
      { type: 'analyse', source: copy },
      [copy.buffer],
      onStage,
    ) as Promise<AnalyseResult>;
  }

  render(task: Omit<Extract<WorkerTask, { type: 'render' }>, 'type'>): Promise<RenderResult> {
    return this.run({ type: 'render', ...task }, []) as Promise<RenderResult>;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new WorkerPoolClosedError());
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        for (const pending of slot.running.values()) pending.reject(new WorkerPoolClosedError());
        await slot.worker.terminate();
      }),
    );
  }

  private run(
    task: WorkerTask,
    transfer: ArrayBuffer[],
    onStage?: Pending['onStage'],
  ): Promise<AnalyseResult | RenderResult> {
    if (this.closed) return Promise.reject(new WorkerPoolClosedError());
    if (this.size === 0) return Promise.reject(new Error('DRAFT_RENDER_WORKERS is 0'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, transfer, onStage, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      // An idle worker first, then a new one, then the least busy one with room.
      let slot = this.slots.find((s) => s.running.size === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= [...this.slots]
        .sort((a, b) => a.running.size - b.running.size)
        .find((s) => s.running.size < TASKS_PER_WORKER);
      if (!slot) return;
      const pending = this.waiting.shift()!;
      const id = this.nextId++;
      slot.running.set(id, pending);
      slot.worker.postMessage({ ...pending.task, id } satisfies WorkerRequest, pending.transfer);
    }
  }

  private spawn(): Slot {
    const script = workerScriptFor('render.worker', __dirname);
    const worker = new Worker(script.filename, {
      eval: script.eval,
      workerData: script.workerData,
    });
    const slot: Slot = { worker, running: new Map() };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error) => this.onCrash(slot, error));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0)
        this.onCrash(slot, new Error(`Render worker exited with ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const pending = slot.running.get(reply.id);
    if (!pending) return;
    if (reply.type === 'stage') {
      pending.onStage?.(reply.stage);
      return;
    }
    slot.running.delete(reply.id);
    if (reply.type === 'done') pending.resolve(reply.result);
    else pending.reject(new Error(reply.message));
    this.dispatch();
  }

  private onCrash(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    this.logger.error(`Render worker failed: ${error.message}`);
    for (const pending of slot.running.values()) pending.reject(error);
    void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
