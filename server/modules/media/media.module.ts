import { Module } from '@nestjs/common';
import { BlobStorageGateway, LocalDiskBlobStorage } from './blob-storage.gateway';
import { ImageGateway } from './image.gateway';

/** Photo storage and image processing, for every feature that handles pictures. */
@Module({
  providers: [ImageGateway, { provide: BlobStorageGateway, useClass: LocalDiskBlobStorage }],
  exports: [ImageGateway, BlobStorageGateway],
})
export class MediaModule {}
