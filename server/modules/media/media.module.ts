import { Module } from '@nestjs/common';
import { BlobStorageGateway, LocalDiskBlobStorage } from './blob-storage.gateway';
import { GalleryImageGateway } from './gallery-images';
import { ImageGateway } from './image.gateway';

/** Photo storage and image processing, for every feature that handles pictures. */
@Module({
  providers: [
    ImageGateway,
    GalleryImageGateway,
    { provide: BlobStorageGateway, useClass: LocalDiskBlobStorage },
  ],
  exports: [ImageGateway, GalleryImageGateway, BlobStorageGateway],
})
export class MediaModule {}
