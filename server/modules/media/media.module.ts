import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BlobStorageGateway, LocalDiskBlobStorage } from './blob-storage.service';
import { GalleryImageGateway } from './gallery-images.service';
import { GalleryRenditionsService } from './gallery-renditions.service';
import { ImageGateway } from './image.service';
import { ProvenanceModule } from '../provenance/provenance.module';
import { S3BlobStorage } from './s3-blob-storage';

/** Photo storage and image processing, for every feature that handles pictures. */
@Module({
  imports: [ProvenanceModule],
  providers: [
    ImageGateway,
    GalleryImageGateway,
    GalleryRenditionsService,
    {
      // BLOB_STORAGE: a folder on this machine (the embedded default) or an S3-compatible bucket.
      provide: BlobStorageGateway,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): BlobStorageGateway =>
        config.storage.s3 ? new S3BlobStorage(config) : new LocalDiskBlobStorage(config),
    },
  ],
  exports: [ImageGateway, GalleryImageGateway, GalleryRenditionsService, BlobStorageGateway],
})
export class MediaModule {}
