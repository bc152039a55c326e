import { DomainError } from '../../../common/errors/domain-error';
import { takeSnapshot } from './busy-snapshot';

/** What the calendar thread is asked: a calendar's texts, the window and the zone. */
export interface SnapshotTask {
  texts: string[];
  from: number;
  until: number;
  zone: string;
}

/** A snapshot as stored, or the domain error that refused the texts (classes do not cross threads). */
export type SnapshotReply =
  | { ok: true; busy: string; eventCount: number; skippedCount: number }
  | { ok: false; code: string; message: string };

/**
 * The calendar thread's task (piscina loads this module once per thread): expanding a calendar
 * for a year takes ical.js up to seconds on a busy machine, which must never hold up the API's
 * event loop.
 */
export default function snapshotTask(task: SnapshotTask): SnapshotReply {
  try {
    const result = takeSnapshot(
      task.texts,
      { from: new Date(task.from), until: new Date(task.until) },
      task.zone,
    );
    return {
      ok: true,
      busy: result.snapshot.toJSON(),
      eventCount: result.eventCount,
      skippedCount: result.skipped.length,
    };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
