import { readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Piscina } from 'piscina';
import type { AppConfig } from '../../../config/app-config';
import { RenderWorkerPool, WorkerPoolClosedError } from './render-worker-pool';
import { developmentProvenance } from '../../../../test/support/provenance';

/** A photo with no face: the analysis loads the models, looks, and says so. */
const noFace = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#8090a0' } })
    .jpeg()
    .toBuffer();

const threadsOf = (pool: RenderWorkerPool) =>
  (pool as unknown as { piscina: Piscina }).piscina.threads;

/** The nice value of every thread of this process (Linux), from /proc. */
function niceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis; nice is the 19th field of the line.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe(RenderWorkerPool.name, () => {
  let sut: RenderWorkerPool;
  beforeEach(async () => {
    sut = new RenderWorkerPool(
      { drafts: { workers: 1 } } as AppConfig,
      await developmentProvenance(),
    );
  });
  afterEach(() => sut.onModuleDestroy());

  it('analyses in a thread, reporting each stage as it starts', async () => {
    const stages: string[] = [];
    const result = await sut.analyse(await noFace(), (stage) => stages.push(stage));
    expect(result.outcome).toMatchObject({ ok: false, failure: { code: 'NO_FACE' } });
    expect(stages).toEqual(['analysing']);
  });

  (process.platform === 'linux' ? it : it.skip)('runs its threads at nice +10', async () => {
    const before = Math.max(...niceValues());
    await sut.analyse(await noFace(), () => undefined);
    expect(Math.max(...niceValues())).toBe(before + 10);
  });

  it('fails the task of a thread that dies, and carries on with a new thread', async () => {
    await sut.analyse(await noFace(), () => undefined);
    const running = sut.analyse(await noFace(), () => undefined);
    await threadsOf(sut)[0]!.terminate();
    await expect(running).rejects.toThrow(/exited/);
    await expect(sut.analyse(await noFace(), () => undefined)).resolves.toMatchObject({
      outcome: { ok: false },
    });
  });

  it('interrupts what is in flight when shut down, and takes nothing after', async () => {
    const running = sut.analyse(await noFace(), () => undefined);
    await sut.onModuleDestroy();
    await expect(running).rejects.toBeInstanceOf(WorkerPoolClosedError);
    await expect(sut.analyse(await noFace(), () => undefined)).rejects.toBeInstanceOf(
      WorkerPoolClosedError,
    );
  });
});
