import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CompareQuery, compareQuerySchema } from '../../../shared/compare/compare.schema';
import type { ComparisonDto } from '../../../shared/compare/compare.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { OptionalAuth, Public } from '../../common/auth/decorators';
import { CompareService } from './compare.service';
import { Clock } from '../../common/clock';

@ApiTags('compare')
@Controller('compare')
export class CompareController {
  constructor(
    private readonly comparison: CompareService,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({
    summary:
      'AI draft vs studio sessions for a use case: cost, days to final, resolution, rights and a recommendation. Public without a draftId; a draftId needs its owner’s session.',
  })
  @Public()
  @Get()
  compare(
    @OptionalAuth() auth: AuthContext | null,
    @Query({ schema: compareQuerySchema }) query: CompareQuery,
  ): Promise<ComparisonDto> {
    return this.comparison.compare(auth, query, this.clock.now());
  }
}
