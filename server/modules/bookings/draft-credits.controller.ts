import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DraftCreditDto } from '../../../shared/compare/compare.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { DraftCreditsService } from './draft-credits.service';

@ApiTags('bookings')
@Controller('draft-credits')
export class DraftCreditsController {
  constructor(private readonly credits: DraftCreditsService) {}

  @ApiOperation({
    summary:
      'My paid draft unlocks that can still be credited against a studio booking (30 days, once); empty for photographers and admins, who do not book',
  })
  @Get()
  async list(@Auth() auth: AuthContext): Promise<DraftCreditDto[]> {
    if (auth.role !== 'client') return [];
    return this.credits.available(auth.userId);
  }
}
