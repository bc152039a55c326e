import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ProvenanceModule } from '../provenance/provenance.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MediaModule } from '../media/media.module';
import { PaymentsModule } from '../payments/payments.module';
import { UsersModule } from '../users/users.module';
import { DraftUnlockService } from './draft-unlock.service';
import { DraftRenderJob } from './draft-render-job.entity';
import { DraftUsage } from './draft-usage.entity';
import { DraftRenderJobsRepository } from './draft-render-jobs.repository';
import { DraftRenderQueue } from './draft-render-queue.service';
import { BullmqRenderQueue } from './bullmq-render-queue.service';
import { RenderJobRunner } from './render-job-runner';
import { RenderQueue } from './render-queue';
import { DraftRenderer } from './draft-renderer.service';
import { DraftSweeper } from './draft-sweeper.service';
import { DraftVariant } from './draft-variant.entity';
import { Draft } from './draft.entity';
import { DraftsController, MyDataController } from './drafts.controller';
import { DraftDeletionHooks } from './draft-deletion-hooks.service';
import { DraftsRepository } from './drafts.repository';
import { DraftLooksService } from './draft-looks.service';
import { DraftsService } from './drafts.service';
import { RenderWorkerPool } from './render/render-worker-pool';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import { uploadStorage } from '../../common/http/uploads';

/** The AI draft studio: upload with consent, render queue and workers, report, retention. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Draft, DraftVariant, DraftRenderJob, DraftUsage]),
    MediaModule,
    PaymentsModule,
    UsersModule,
    ProvenanceModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: uploadStorage(config.uploads.tmpDir),
        limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 10, parts: 12 },
      }),
    }),
  ],
  controllers: [DraftsController, MyDataController],
  providers: [
    DraftsRepository,
    DraftDeletionHooks,
    DraftRenderJobsRepository,
    DraftsService,
    DraftLooksService,
    DraftUnlockService,
    DraftRenderer,
    RenderJobRunner,
    DraftRenderQueue,
    BullmqRenderQueue,
    RenderQueue,
    DraftSweeper,
    RenderWorkerPool,
    UploadErrorsInterceptor,
  ],
  // The repository is read by bookings (a booking's brief and its preview).
  exports: [DraftsService, DraftLooksService, DraftDeletionHooks],
})
export class DraftsModule {}
