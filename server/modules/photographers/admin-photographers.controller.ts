import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type IdParam, idParamSchema } from '../../../shared/photographers/photographers.schema';
import type { PhotographerProfileDto } from '../../../shared/photographers/photographers.types';
import { Roles } from '../../common/auth/decorators';
import { ProfilesService } from './profiles.service';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/photographers')
export class AdminPhotographersController {
  constructor(private readonly profiles: ProfilesService) {}

  @ApiOperation({ summary: 'Every photographer profile, approved or not (admins only)' })
  @Get()
  list(): Promise<PhotographerProfileDto[]> {
    return this.profiles.listForAdmin();
  }

  @ApiOperation({ summary: 'Approve a profile so it can be listed once published' })
  @HttpCode(200)
  @Post(':id/approve')
  approve(@Param({ schema: idParamSchema }) params: IdParam): Promise<PhotographerProfileDto> {
    return this.profiles.approve(params.id);
  }
}
