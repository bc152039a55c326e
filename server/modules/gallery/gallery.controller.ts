import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type BookingIdParam,
  bookingIdParamSchema,
  type FinalUploadFields,
  finalUploadFieldsSchema,
  type SelectionInput,
  selectionSchema,
  type SignedLinkQuery,
  signedLinkQuerySchema,
} from '../../../shared/gallery/gallery.schema';
import type {
  DeliverySummaryDto,
  DownloadsDto,
  GalleryDto,
  GalleryImageDto,
  UploadResultDto,
} from '../../../shared/gallery/gallery.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { ApiFileUpload } from '../../common/http/file-upload.decorator';
import { Auth, Roles } from '../../common/auth/decorators';
import { DownloadsService } from './downloads.service';
import { FinalsService } from './finals.service';
import {
  GalleryUploadErrorsInterceptor,
  MAX_FILES_PER_UPLOAD,
} from './gallery-upload-errors.interceptor';
import { GalleryViewService } from './gallery-view.service';
import { ProofsService, type UploadedFile as GalleryFile } from './proofs.service';
import { Clock } from '../../common/clock';
import { UploadSlotsInterceptor } from '../../common/http/upload-slots';

@ApiTags('gallery')
@Controller('bookings/:id/gallery')
export class GalleryController {
  constructor(
    private readonly view: GalleryViewService,
    private readonly proofs: ProofsService,
    private readonly finals: FinalsService,
    private readonly downloads: DownloadsService,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({
    summary: 'The gallery as the caller may see it: proofs, selection, finals, promise',
  })
  @Get()
  get(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
  ): Promise<GalleryDto> {
    return this.view.view(auth, p.id);
  }

  @ApiOperation({
    summary: `Upload proofs (multipart "images", up to ${MAX_FILES_PER_UPLOAD}); each file accepted or rejected with a reason`,
  })
  @ApiFileUpload('images[]', { maxItems: MAX_FILES_PER_UPLOAD })
  @Roles('photographer')
  @Post('proofs')
  @UseInterceptors(
    UploadSlotsInterceptor,
    GalleryUploadErrorsInterceptor,
    FilesInterceptor('images', MAX_FILES_PER_UPLOAD),
  )
  uploadProofs(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
    @UploadedFiles() files: GalleryFile[] | undefined,
  ): Promise<UploadResultDto> {
    return this.proofs.upload(auth, p.id, files ?? [], this.clock.now());
  }

  @ApiOperation({ summary: 'Share the proofs with the client (emails them once)' })
  @Roles('photographer')
  @HttpCode(200)
  @Post('publish')
  async publish(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
  ): Promise<GalleryDto> {
    await this.proofs.publish(auth, p.id, this.clock.now());
    return this.view.view(auth, p.id);
  }

  @ApiOperation({
    summary: 'The client’s favourites; over the included number: 402 with the price unless agreed',
  })
  @Roles('client')
  @HttpCode(200)
  @Post('selection')
  async select(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
    @Body({ schema: selectionSchema }) input: SelectionInput,
  ): Promise<GalleryDto> {
    await this.proofs.select(auth, p.id, input, this.clock.now());
    return this.view.view(auth, p.id);
  }

  @ApiOperation({
    summary: 'Upload the retouched final of one selected proof (multipart "image" + "proofId")',
  })
  @ApiFileUpload('image')
  @Roles('photographer')
  @Post('finals')
  @UseInterceptors(UploadSlotsInterceptor, GalleryUploadErrorsInterceptor, FileInterceptor('image'))
  uploadFinal(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
    @UploadedFile() file: GalleryFile | undefined,
    @Body({ schema: finalUploadFieldsSchema }) fields: FinalUploadFields,
  ): Promise<GalleryImageDto> {
    return this.finals.upload(auth, p.id, fields.proofId, file, this.clock.now());
  }

  @ApiOperation({ summary: 'Mark the booking delivered once every selected photo has its final' })
  @Roles('photographer')
  @HttpCode(200)
  @Post('deliver')
  async deliver(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
  ): Promise<GalleryDto> {
    await this.finals.deliver(auth, p.id, this.clock.now());
    return this.view.view(auth, p.id);
  }

  @ApiOperation({ summary: 'Expiring, personal download links for each final and the ZIP' })
  @Get('downloads')
  links(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
  ): Promise<DownloadsDto> {
    return this.downloads.links(auth, p.id);
  }

  @ApiOperation({ summary: 'All finals as one ZIP, streamed (signed link; 410 once expired)' })
  @ApiProduces('application/zip')
  @Get('finals.zip')
  async zip(
    @Auth() auth: AuthContext,
    @Param({ schema: bookingIdParamSchema }) p: BookingIdParam,
    @Query({ schema: signedLinkQuerySchema }) q: SignedLinkQuery,
  ): Promise<StreamableFile> {
    const file = await this.downloads.openZip(auth, p.id, q);
    return new StreamableFile(file.stream, {
      type: 'application/zip',
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}

@ApiTags('gallery')
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly view: GalleryViewService) {}

  @ApiOperation({ summary: 'My deliveries with their promised dates; overdue and due soon first' })
  @Get()
  list(@Auth() auth: AuthContext): Promise<DeliverySummaryDto[]> {
    return this.view.deliveries(auth);
  }
}
