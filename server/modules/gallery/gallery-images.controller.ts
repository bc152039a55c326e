import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type ImageRenditionParam,
  imageRenditionParamSchema,
  type SignedLinkQuery,
  signedLinkQuerySchema,
} from '../../../shared/gallery/gallery.schema';
import type { ReviewDto } from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Public } from '../../common/auth/decorators';
import { usageLicence } from './domain/provenance';
import { DownloadsService } from './downloads.service';
import { GalleryViewService } from './gallery-view.service';
import { ReviewsService } from './reviews.service';
import { Clock } from '../../common/clock';

const imageIdParamSchema = z.strictObject({ id: z.uuid() });

@ApiTags('gallery')
@Controller('gallery-images')
export class GalleryImagesController {
  constructor(
    private readonly view: GalleryViewService,
    private readonly downloads: DownloadsService,
  ) {}

  @ApiOperation({
    summary: 'A final at full resolution (signed link; 410 once expired, 404 for non-parties)',
  })
  @ApiProduces('image/jpeg')
  @Get(':id/download')
  async download(
    @Auth() auth: AuthContext,
    @Param({ schema: imageIdParamSchema }) p: { id: string },
    @Query({ schema: signedLinkQuerySchema }) q: SignedLinkQuery,
  ): Promise<StreamableFile> {
    const file = await this.downloads.openFinal(auth, p.id, q);
    return new StreamableFile(file.stream, {
      type: 'image/jpeg',
      length: file.bytes ?? undefined,
      disposition: `attachment; filename="${encodeURIComponent(file.fileName)}"`,
    });
  }

  @ApiOperation({ summary: 'A thumbnail or screen-sized preview (watermarked for proofs)' })
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiProduces('image/jpeg')
  @Get(':id/:rendition')
  async rendition(
    @Auth() auth: AuthContext,
    @Param({ schema: imageRenditionParamSchema }) p: ImageRenditionParam,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.view.rendition(auth, p.id, p.rendition), {
      type: 'image/jpeg',
    });
  }
}

@ApiTags('gallery')
@Controller()
export class LicencesController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({ summary: 'The usage licence written into every final (plain text)' })
  @Public()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Get('licences/portrait')
  licence(): string {
    return usageLicence({
      photographerName: 'the photographer',
      clientName: 'The client',
      packageName: 'any',
      year: this.clock.now().getUTCFullYear(),
      licenceUrl: '',
    });
  }

  @ApiOperation({ summary: 'A listed photographer’s latest reviews (public)' })
  @Public()
  @Get('photographers/:id/reviews')
  ofPhotographer(@Param({ schema: imageIdParamSchema }) p: { id: string }): Promise<ReviewDto[]> {
    return this.reviews.ofPhotographer(p.id);
  }
}
