import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { DraftsService } from './drafts.service';
import { DraftsRepository } from './drafts.repository';
import { ScheduledWork } from '../scheduling/scheduled-work.service';
import { Clock } from '../../common/clock';

/**
 * Retention: removes original uploads at most DRAFT_SOURCE_MAX_HOURS after upload (normally
 * they go as soon as rendering ends) and deletes drafts past their expiry unless kept.
 */
@Injectable()
export class DraftSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(DraftSweeper.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly drafts: DraftsRepository,
    private readonly service: DraftsService,
    private readonly blobs: BlobStorageGateway,
    private readonly scheduled: ScheduledWork,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduled.every('draft-retention', this.config.drafts.sweepMinutes * 60_000, () =>
      this.sweep(),
    );
  }

  async sweep(now = this.clock.now()): Promise<{ sourcesDeleted: number; draftsExpired: number }> {
    const cutoff = new Date(now.getTime() - this.config.drafts.sourceMaxHours * 3_600_000);
    const stale = await this.drafts.withSourceOlderThan(cutoff);
    for (const draft of stale) {
      await this.blobs.delete(draft.sourceBlobKey!);
      await this.drafts.updateDraft(draft.id, { sourceBlobKey: null, sourceDeletedAt: now });
    }
    const expired = await this.drafts.expiredUnkept(now);
    await this.service.deleteDrafts(expired.map((d) => d.id));
    if (stale.length + expired.length > 0) {
      this.logger.log(
        `Deleted ${stale.length} original upload(s) and ${expired.length} expired draft(s)`,
      );
    }
    return { sourcesDeleted: stale.length, draftsExpired: expired.length };
  }
}
