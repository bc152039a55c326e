import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import path from 'node:path';
import { Piscina } from 'piscina';
import { workerScriptFor } from '../../common/worker-script';
import { CalendarError, type CalendarErrorCode } from './domain/calendar.errors';
import type { SnapshotReply, SnapshotTask } from './domain/busy-snapshot.worker';

/** A thread no task has used for this long is stopped (syncs come in bursts). */
const IDLE_MS = 60_000;

export interface Snapshot {
  busy: string;
  eventCount: number;
  skippedCount: number;
}

/**
 * Busy snapshots are computed on one worker thread, started on the first sync and stopped when
 * idle, so a large calendar (measured: 1–2 s of ical.js for a 500-event calendar with year-old
 * weekly series) never stalls the requests an API process is serving. Syncs queue for it.
 */
@Injectable()
export class CalendarExpansion implements OnModuleDestroy {
  private piscina?: Piscina<SnapshotTask, SnapshotReply>;

  async snapshot(
    texts: string[],
    window: { from: Date; until: Date },
    zone: string,
  ): Promise<Snapshot> {
    const reply = await this.pool().run({
      texts,
      from: window.from.getTime(),
      until: window.until.getTime(),
      zone,
    });
    if (!reply.ok) throw new CalendarError(reply.code as CalendarErrorCode, reply.message);
    return { busy: reply.busy, eventCount: reply.eventCount, skippedCount: reply.skippedCount };
  }

  async onModuleDestroy(): Promise<void> {
    await this.piscina?.destroy();
  }

  private pool(): Piscina<SnapshotTask, SnapshotReply> {
    if (this.piscina) return this.piscina;
    const script = workerScriptFor('busy-snapshot.worker', path.join(__dirname, 'domain'));
    this.piscina = new Piscina({
      filename: script.filename,
      execArgv: script.execArgv,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: IDLE_MS,
    });
    return this.piscina;
  }
}
