import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type IdParam, idParamSchema } from '../../../shared/photographers/photographers.schema';
import { adminRefundSchema } from '../../../shared/payments/payments.schema';
import type { AdminRefundInput, EarningsDto } from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Roles } from '../../common/auth/decorators';
import { BookingPaymentsService } from './booking-payments.service';
import { BookingPayoutsService } from './booking-payouts.service';

@ApiTags('payments')
@Controller()
export class EarningsController {
  constructor(
    private readonly payments: BookingPaymentsService,
    private readonly payouts: BookingPayoutsService,
  ) {}

  @ApiOperation({ summary: "The photographer's earnings: held until delivery, transferred, fees" })
  @Roles('photographer')
  @Get('payments/earnings')
  earnings(@Auth() auth: AuthContext): Promise<EarningsDto> {
    return this.payouts.earningsOf(auth.userId);
  }

  @ApiOperation({ summary: 'Admin: refund part or all of what was paid for a booking' })
  @Roles('admin')
  @HttpCode(204)
  @Post('admin/bookings/:id/refund')
  refund(
    @Param({ schema: idParamSchema }) params: IdParam,
    @Body({ schema: adminRefundSchema }) input: AdminRefundInput,
  ): Promise<void> {
    return this.payments.refundByAdmin(params.id, input);
  }
}
