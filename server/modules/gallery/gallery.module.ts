import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditModule } from '../audit/audit.module';
import { BookingsModule } from '../bookings/bookings.module';
import { MediaModule } from '../media/media.module';
import { PaymentsModule } from '../payments/payments.module';
import { PhotographersModule } from '../photographers/photographers.module';
import { UsersModule } from '../users/users.module';
import { DownloadsService } from './downloads.service';
import { ExtraPayments } from './extra-payments';
import { FinalsService } from './finals.service';
import { GalleryAccess } from './gallery-access';
import { DeliveriesController, GalleryController } from './gallery.controller';
import { Gallery } from './gallery.entity';
import { GalleryImage } from './gallery-image.entity';
import { GalleryImagesController, LicencesController } from './gallery-images.controller';
import { GalleryRepository } from './gallery.repository';
import {
  GalleryUploadErrorsInterceptor,
  MAX_FILES_PER_UPLOAD,
} from './gallery-upload-errors.interceptor';
import { GalleryViewService } from './gallery-view.service';
import { ProofsService } from './proofs.service';
import { Review } from './review.entity';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { uploadStorage } from '../../common/http/uploads';

/** Delivery: proofs, favourites, finals with provenance, signed downloads, reviews. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Gallery, GalleryImage, Review]),
    AuditModule,
    BookingsModule,
    PhotographersModule,
    PaymentsModule,
    UsersModule,
    MediaModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: uploadStorage(config.uploads.tmpDir),
        limits: {
          fileSize: config.uploads.maxBytes,
          files: MAX_FILES_PER_UPLOAD,
          fields: 5,
          parts: MAX_FILES_PER_UPLOAD + 5,
        },
      }),
    }),
  ],
  controllers: [
    GalleryController,
    DeliveriesController,
    GalleryImagesController,
    ReviewsController,
    LicencesController,
  ],
  providers: [
    GalleryRepository,
    ReviewsRepository,
    GalleryAccess,
    ExtraPayments,
    GalleryViewService,
    ProofsService,
    FinalsService,
    DownloadsService,
    ReviewsService,
    GalleryUploadErrorsInterceptor,
  ],
})
export class GalleryModule {}
