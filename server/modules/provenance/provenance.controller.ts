import {
  Controller,
  Get,
  HttpCode,
  Post,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { memoryStorage } from 'multer';
import {
  type CredentialsReport,
  type SigningInfo,
  VERIFY_MAX_BYTES,
} from '../../../shared/provenance/provenance.types';
import { Public } from '../../common/auth/decorators';
import { ApiFileUpload } from '../../common/http/file-upload.decorator';
import { MediaError } from '../media/media.errors';
import { sniffImageFormat } from './image-format';
import { ProvenanceError } from './provenance.errors';
import { ProvenanceService } from './provenance.service';

/** Anyone may check what an image's Content Credentials say, and how this server signs. */
@ApiTags('provenance')
@Controller('provenance')
export class ProvenanceController {
  constructor(private readonly provenance: ProvenanceService) {}

  @ApiOperation({
    summary:
      'What an image\'s Content Credentials (C2PA) say: valid, invalid (and why) or none (multipart "image")',
  })
  @ApiFileUpload('image')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @HttpCode(200)
  @Post('verify')
  @UseInterceptors(
    FileInterceptor('image', {
      storage: memoryStorage(),
      limits: { fileSize: VERIFY_MAX_BYTES, files: 1, fields: 4 },
    }),
  )
  async verify(@UploadedFile() file: Express.Multer.File | undefined): Promise<CredentialsReport> {
    if (!file?.buffer?.length) throw MediaError.fileMissing('image');
    const format = await sniffImageFormat(file.buffer);
    if (!format) throw ProvenanceError.unsupportedFormat();
    return this.provenance.verify(file.buffer, format);
  }

  @ApiOperation({
    summary: 'How this server signs: its certificate, and whether it is a development one',
  })
  @Public()
  @Get('signer')
  signer(): SigningInfo {
    return this.provenance.signingInfo();
  }
}
