import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  type ChooseVariantInput,
  chooseVariantSchema,
  type CreateVariantInput,
  createVariantSchema,
  draftIdParamSchema,
  type UpdateDraftInput,
  updateDraftSchema,
  type UploadDraftFields,
  uploadDraftFieldsSchema,
  variantImageParamsSchema,
  variantImageQuerySchema,
} from '../../../shared/drafts/drafts.schema';
import type {
  DeletedDataDto,
  DraftCreatedDto,
  DraftDto,
  DraftSummaryDto,
  DraftVariantDto,
  UnlockDto,
} from '../../../shared/drafts/drafts.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { ApiFileUpload } from '../../common/http/file-upload.decorator';
import { Auth } from '../../common/auth/decorators';
import { DraftsService } from './drafts.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import type { StoredUpload } from '../../common/http/uploads';
import { Clock } from '../../common/clock';
import { UploadSlotsInterceptor } from '../../common/http/upload-slots';

type DraftIdParam = z.infer<typeof draftIdParamSchema>;

@ApiTags('drafts')
@Controller('drafts')
export class DraftsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({
    summary:
      'Upload one photo (multipart "photo", "consent"="true", "noticeVersion", optional "gazePreference"); 202, rendered in the background',
  })
  @ApiFileUpload('photo')
  @HttpCode(202)
  @Post()
  @UseInterceptors(UploadSlotsInterceptor, UploadErrorsInterceptor, FileInterceptor('photo'))
  async upload(
    @Auth() auth: AuthContext,
    @UploadedFile() file: StoredUpload | undefined,
    @Body({ schema: uploadDraftFieldsSchema }) fields: UploadDraftFields,
  ): Promise<DraftCreatedDto> {
    // libvips reads the uploaded file from disk: it never becomes one buffer in the heap.
    return this.drafts.upload(auth, file, fields, this.clock.now());
  }

  @ApiOperation({ summary: 'My drafts, newest first, with expiry dates' })
  @Get()
  list(@Auth() auth: AuthContext): Promise<DraftSummaryDto[]> {
    return this.drafts.list(auth);
  }

  @ApiOperation({ summary: 'One draft: progress, variants and the quality report' })
  @Get(':id')
  get(
    @Auth() auth: AuthContext,
    @Param({ schema: draftIdParamSchema }) params: DraftIdParam,
  ): Promise<DraftDto> {
    return this.drafts.get(auth, params.id);
  }

  @ApiOperation({ summary: 'Keep a draft past its expiry, or let it expire again' })
  @Patch(':id')
  update(
    @Auth() auth: AuthContext,
    @Param({ schema: draftIdParamSchema }) params: DraftIdParam,
    @Body({ schema: updateDraftSchema }) input: UpdateDraftInput,
  ): Promise<DraftDto> {
    return this.drafts.setKeep(auth, params.id, input.keep, this.clock.now());
  }

  @ApiOperation({ summary: 'Re-render with new parameters (from the stored analysis and mask)' })
  @HttpCode(202)
  @Post(':id/variants')
  createVariant(
    @Auth() auth: AuthContext,
    @Param({ schema: draftIdParamSchema }) params: DraftIdParam,
    @Body({ schema: createVariantSchema }) input: CreateVariantInput,
  ): Promise<DraftVariantDto> {
    return this.drafts.createVariant(auth, params.id, input, this.clock.now());
  }

  @ApiOperation({
    summary:
      'Pick the look (a ready variant) the comparison, "Book this session with this look" and the brief use; a re-render picks itself',
  })
  @Put(':id/chosen-variant')
  chooseVariant(
    @Auth() auth: AuthContext,
    @Param({ schema: draftIdParamSchema }) params: DraftIdParam,
    @Body({ schema: chooseVariantSchema }) input: ChooseVariantInput,
  ): Promise<DraftDto> {
    return this.drafts.chooseVariant(auth, params.id, input.variantId);
  }

  @ApiOperation({
    summary: 'A variant as JPEG: preview (marked), before (untouched crop) or hd (unlocked)',
  })
  @ApiProduces('image/jpeg')
  @Get(':id/variants/:variantId/image')
  async image(
    @Auth() auth: AuthContext,
    @Param({ schema: variantImageParamsSchema }) params: z.infer<typeof variantImageParamsSchema>,
    @Query({ schema: variantImageQuerySchema }) query: z.infer<typeof variantImageQuerySchema>,
  ): Promise<StreamableFile> {
    const stream = await this.drafts.openImage(auth, params.id, params.variantId, query.size);
    const name = `lensbridge-ai-draft-${params.variantId.slice(0, 8)}-${query.size}.jpg`;
    return new StreamableFile(stream, {
      type: 'image/jpeg',
      disposition: `${query.download === '1' ? 'attachment' : 'inline'}; filename="${name}"`,
    });
  }

  @ApiOperation({
    summary: 'Unlock the HD images (demo rule "manual" until payments are switched on)',
  })
  @HttpCode(200)
  @Post(':id/unlock')
  unlock(
    @Auth() auth: AuthContext,
    @Param({ schema: draftIdParamSchema }) params: DraftIdParam,
  ): Promise<UnlockDto> {
    return this.drafts.unlock(auth, params.id, this.clock.now());
  }

  @ApiOperation({ summary: 'Delete a draft: its rows and every file' })
  @HttpCode(204)
  @Delete(':id')
  remove(
    @Auth() auth: AuthContext,
    @Param({ schema: draftIdParamSchema }) params: DraftIdParam,
  ): Promise<void> {
    return this.drafts.remove(auth, params.id);
  }
}

@ApiTags('drafts')
@Controller('me')
export class MyDataController {
  constructor(private readonly drafts: DraftsService) {}

  @ApiOperation({ summary: 'Delete all my photos and drafts (rows and files)' })
  @HttpCode(200)
  @Delete('data')
  deleteAll(@Auth() auth: AuthContext): Promise<DeletedDataDto> {
    return this.drafts.removeAllOf(auth);
  }
}
