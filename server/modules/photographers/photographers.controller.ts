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
  Req,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  type AvailabilityInput,
  availabilitySchema,
  type IdParam,
  idParamSchema,
  type PackageInput,
  type PackagePatch,
  packagePatchSchema,
  packageSchema,
  type ProfileInput,
  profileSchema,
  type TimeOffInput,
  timeOffSchema,
} from '../../../shared/photographers/photographers.schema';
import type {
  AvailabilityDto,
  PackageDto,
  PhotographerProfileDto,
  PortfolioImageDto,
  TimeOffDto,
} from '../../../shared/photographers/photographers.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { ApiFileUpload } from '../../common/http/file-upload.decorator';
import { Auth, Public, Roles } from '../../common/auth/decorators';
import { PortfolioService } from './portfolio.service';
import { ProfilesService } from './profiles.service';
import { StudioService } from './studio.service';
import type { StoredUpload } from '../../common/http/uploads';
import { UploadSlotsInterceptor } from '../../common/http/upload-slots';

const imageParamsSchema = z.strictObject({ id: z.uuid(), imageId: z.uuid() });
const imageQuerySchema = z.strictObject({ size: z.enum(['thumb', 'full']).default('full') });
const captionSchema = z.strictObject({ caption: z.string().max(200).default('') });
const PORTFOLIO_UPLOAD_LIMIT = 20 * 1024 * 1024;

@ApiTags('photographers')
@Controller('photographers')
export class PhotographersController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly studio: StudioService,
    private readonly portfolio: PortfolioService,
  ) {}

  @ApiOperation({ summary: 'My photographer profile (404 PROFILE_MISSING before the first save)' })
  @Roles('photographer')
  @Get('me')
  me(@Auth() auth: AuthContext): Promise<PhotographerProfileDto> {
    return this.profiles.own(auth);
  }

  @ApiOperation({ summary: 'Create or update my profile; new profiles wait for approval' })
  @Roles('photographer')
  @Put('me')
  saveMe(
    @Auth() auth: AuthContext,
    @Body({ schema: profileSchema }) input: ProfileInput,
  ): Promise<PhotographerProfileDto> {
    return this.profiles.saveOwn(auth, input);
  }

  @ApiOperation({ summary: 'My packages' })
  @Roles('photographer')
  @Get('me/packages')
  packages(@Auth() auth: AuthContext): Promise<PackageDto[]> {
    return this.studio.packages(auth);
  }

  @ApiOperation({ summary: 'Add a package' })
  @Roles('photographer')
  @Post('me/packages')
  createPackage(
    @Auth() auth: AuthContext,
    @Body({ schema: packageSchema }) input: PackageInput,
  ): Promise<PackageDto> {
    return this.studio.createPackage(auth, input);
  }

  @ApiOperation({ summary: 'Change one of my packages' })
  @Roles('photographer')
  @Patch('me/packages/:id')
  updatePackage(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
    @Body({ schema: packagePatchSchema }) patch: PackagePatch,
  ): Promise<PackageDto> {
    return this.studio.updatePackage(auth, params.id, patch);
  }

  @ApiOperation({ summary: 'Delete one of my packages' })
  @Roles('photographer')
  @HttpCode(204)
  @Delete('me/packages/:id')
  deletePackage(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<void> {
    return this.studio.deletePackage(auth, params.id);
  }

  @ApiOperation({ summary: 'My weekly hours, date overrides and scheduling policy' })
  @Roles('photographer')
  @Get('me/availability')
  availability(@Auth() auth: AuthContext): Promise<AvailabilityDto> {
    return this.studio.availability(auth);
  }

  @ApiOperation({ summary: 'Replace weekly hours, date overrides and the scheduling policy' })
  @Roles('photographer')
  @Put('me/availability')
  replaceAvailability(
    @Auth() auth: AuthContext,
    @Body({ schema: availabilitySchema }) input: AvailabilityInput,
  ): Promise<AvailabilityDto> {
    return this.studio.replaceAvailability(auth, input);
  }

  @ApiOperation({ summary: 'Block time off' })
  @Roles('photographer')
  @Post('me/time-off')
  addTimeOff(
    @Auth() auth: AuthContext,
    @Body({ schema: timeOffSchema }) input: TimeOffInput,
  ): Promise<TimeOffDto> {
    return this.studio.addTimeOff(auth, input);
  }

  @ApiOperation({ summary: 'Remove a time-off block' })
  @Roles('photographer')
  @HttpCode(204)
  @Delete('me/time-off/:id')
  deleteTimeOff(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<void> {
    return this.studio.deleteTimeOff(auth, params.id);
  }

  @ApiOperation({ summary: 'Add a portfolio image (multipart field "image", optional "caption")' })
  @ApiFileUpload('image')
  @Roles('photographer')
  @Post('me/portfolio')
  @UseInterceptors(
    UploadSlotsInterceptor,
    FileInterceptor('image', { limits: { fileSize: PORTFOLIO_UPLOAD_LIMIT, files: 1 } }),
  )
  upload(
    @Auth() auth: AuthContext,
    @UploadedFile() file: StoredUpload | undefined,
    @Body({ schema: captionSchema }) body: z.infer<typeof captionSchema>,
  ): Promise<PortfolioImageDto> {
    return this.portfolio.upload(auth, file, body.caption);
  }

  @ApiOperation({ summary: 'Remove a portfolio image' })
  @Roles('photographer')
  @HttpCode(204)
  @Delete('me/portfolio/:id')
  deleteImage(
    @Auth() auth: AuthContext,
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<void> {
    return this.portfolio.remove(auth, params.id);
  }

  @ApiOperation({
    summary: 'A public profile (approved and published), with packages and portfolio',
  })
  @Public()
  @Get(':id')
  profile(
    @Param({ schema: idParamSchema }) params: IdParam,
    @Req() request: Request,
  ): Promise<PhotographerProfileDto> {
    return this.profiles.publicProfile(params.id, request.auth);
  }

  @ApiOperation({ summary: 'A portfolio image (JPEG) of a public profile' })
  @Public()
  @ApiProduces('image/jpeg')
  @Get(':id/portfolio/:imageId/image')
  async image(
    @Param({ schema: imageParamsSchema }) params: z.infer<typeof imageParamsSchema>,
    @Query({ schema: imageQuerySchema }) query: z.infer<typeof imageQuerySchema>,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const stream = await this.portfolio.open(params.id, params.imageId, query.size, request.auth);
    return new StreamableFile(stream, { type: 'image/jpeg', disposition: 'inline' });
  }
}
