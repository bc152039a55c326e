import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { PortfolioImageDto } from '../../../shared/photographers/photographers.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BlobStorageGateway } from '../media/blob-storage.service';
import { ImageGateway, type ImageSource, sourceSize } from '../media/image.service';
import { PhotographerError } from './photographers.errors';
import { toPortfolioImageDto } from './photographers.mappers';
import { PhotographersRepository } from './photographers.repository';
import { canView, ProfilesService } from './profiles.service';
import { Clock } from '../../common/clock';

export const MAX_PORTFOLIO_IMAGES = 24;
const FULL_SIZE = 2048;
const THUMB = { width: 480, height: 600 };

/** Portfolio uploads: re-encoded without metadata, stored as blobs, served with a thumbnail. */
@Injectable()
export class PortfolioService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: PhotographersRepository,
    private readonly profiles: ProfilesService,
    private readonly images: ImageGateway,
    private readonly blobs: BlobStorageGateway,
    private readonly clock: Clock,
  ) {}

  async upload(
    auth: AuthContext,
    file: ImageSource | undefined,
    caption: string,
  ): Promise<PortfolioImageDto> {
    const profile = await this.profiles.requireOwn(auth.userId);
    if (!file || sourceSize(file) === 0) throw PhotographerError.uploadMissing();
    const count = await this.repository.countImages(profile.id);
    if (count >= MAX_PORTFOLIO_IMAGES) throw PhotographerError.portfolioFull(MAX_PORTFOLIO_IMAGES);
    return toPortfolioImageDto(await this.store(profile.id, file, caption, count));
  }

  /** Used by the demo seeder too: the same path as an upload. */
  async store(photographerId: string, file: ImageSource, caption: string, position: number) {
    const now = this.clock.now();
    const normalised = await this.images.normalise(file, {
      maxPixels: this.config.uploads.maxPixels,
      maxDimension: FULL_SIZE,
    });
    const thumb = await this.images.thumbnail(normalised.data, { ...THUMB, fit: 'cover' });
    const id = randomUUID();
    const prefix = `portfolio/${photographerId}/${id}`;
    await this.blobs.put(`${prefix}/full.jpg`, normalised.data, 'image/jpeg');
    await this.blobs.put(`${prefix}/thumb.jpg`, thumb, 'image/jpeg');
    return this.repository.saveImage({
      id,
      photographerId,
      blobKey: `${prefix}/full.jpg`,
      thumbKey: `${prefix}/thumb.jpg`,
      width: normalised.width,
      height: normalised.height,
      caption: caption.trim().slice(0, 200),
      position,
      createdAt: now,
    });
  }

  async remove(auth: AuthContext, imageId: string): Promise<void> {
    const profile = await this.profiles.requireOwn(auth.userId);
    const image = await this.repository.imageById(imageId);
    if (!image || image.photographerId !== profile.id) throw PhotographerError.imageNotFound();
    await this.repository.deleteImage(image.id);
    await this.blobs.deletePrefix(`portfolio/${profile.id}/${image.id}/`);
  }

  /**
   * The photographer deleted their account: the profile leaves the directory with its pictures
   * and its words (bio, studio address); the row stays for past bookings, as "Former photographer".
   */
  async closeProfileOf(userId: string, now: Date): Promise<void> {
    const profile = await this.repository.profileByUserId(userId);
    if (!profile) return;
    for (const image of await this.repository.portfolioOf(profile.id)) {
      await this.blobs.deletePrefix(`portfolio/${profile.id}/${image.id}/`);
      await this.repository.deleteImage(image.id);
    }
    Object.assign(profile, {
      displayName: 'Former photographer',
      bio: '',
      studioAddress: null,
      published: false,
      approved: false,
      updatedAt: now,
    });
    await this.repository.saveProfile(profile);
  }

  /** Public for listed profiles; the owner and admins may always look. */
  async open(
    photographerId: string,
    imageId: string,
    size: 'thumb' | 'full',
    viewer?: AuthContext,
  ): Promise<Readable> {
    const profile = await this.repository.profileById(photographerId);
    if (!profile || !canView(profile, viewer)) throw PhotographerError.imageNotFound();
    const image = await this.repository.imageById(imageId);
    if (!image || image.photographerId !== profile.id) throw PhotographerError.imageNotFound();
    return this.blobs.open(size === 'thumb' ? image.thumbKey : image.blobKey);
  }
}
