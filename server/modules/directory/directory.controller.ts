import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type PhotographerSearch,
  photographerSearchSchema,
} from '../../../shared/photographers/photographers.schema';
import type { PhotographerListDto } from '../../../shared/photographers/photographers.types';
import { Public } from '../../common/auth/decorators';
import { DirectoryService } from './directory.service';

@ApiTags('photographers')
@Controller('photographers')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @ApiOperation({ summary: 'Find photographers: city, style, max price, free on a date; sorted' })
  @Public()
  @Get()
  search(
    @Query({ schema: photographerSearchSchema }) query: PhotographerSearch,
  ): Promise<PhotographerListDto> {
    return this.directory.search(query);
  }
}
