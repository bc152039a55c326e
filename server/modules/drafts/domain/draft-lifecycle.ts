import type { DraftStatus } from '../../../../shared/drafts/drafts.types';

const ALLOWED: Record<DraftStatus, DraftStatus[]> = {
  queued: ['processing', 'failed'],
  processing: ['ready', 'failed', 'queued'],
  ready: ['expired'],
  failed: [],
  expired: [],
};

/** The draft state machine: queued → processing → ready | failed; ready → expired. */
export function canMove(from: DraftStatus, to: DraftStatus): boolean {
  return from === to || ALLOWED[from].includes(to);
}

const DAY = 24 * 60 * 60 * 1000;

export function expiryFor(createdAt: Date, retentionDays: number): Date {
  return new Date(createdAt.getTime() + retentionDays * DAY);
}

/** Whether the sweeper removes the draft now: expired and not kept by its owner. */
export function isExpired(draft: { expiresAt: Date; keep: boolean }, now: Date): boolean {
  return !draft.keep && draft.expiresAt.getTime() <= now.getTime();
}

/** Whether the original upload must go now (at most `maxHours` after the upload). */
export function sourceIsDue(
  draft: { createdAt: Date; sourceBlobKey: string | null },
  now: Date,
  maxHours: number,
): boolean {
  return (
    draft.sourceBlobKey !== null &&
    now.getTime() - draft.createdAt.getTime() >= maxHours * 60 * 60 * 1000
  );
}
