import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a module does, inside the deleting transaction, when drafts are deleted. */
export type DraftDeletionHook = (draftIds: string[], manager: EntityManager) => Promise<void>;

/**
 * Who must hear that drafts are going: modules that keep a draft's id register a hook at
 * start-up (bookings: a brief loses its link to the draft), so drafts never writes their tables
 * and never depends on them. Hooks run in the transaction that deletes the draft rows.
 */
@Injectable()
export class DraftDeletionHooks {
  private readonly hooks: DraftDeletionHook[] = [];

  register(hook: DraftDeletionHook): void {
    this.hooks.push(hook);
  }

  async run(draftIds: string[], manager: EntityManager): Promise<void> {
    for (const hook of this.hooks) await hook(draftIds, manager);
  }
}
