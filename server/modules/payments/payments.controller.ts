import { Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type {
  OnboardingLinkDto,
  PaymentOptionsDto,
  PayoutAccountDto,
} from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Public, Roles } from '../../common/auth/decorators';
import { PaymentsService, type WebhookOutcome } from './payments.service';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @ApiExcludeEndpoint()
  @Public()
  @HttpCode(200)
  @Post('stripe/webhook')
  receiveStripeWebhook(
    @Req() request: Request,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<WebhookOutcome> {
    return this.payments.receiveWebhook(request.rawBody, signature);
  }

  @ApiOperation({
    summary: 'Which payment provider is on, the currency and the draft unlock price',
  })
  @Public()
  @Get('options')
  options(): PaymentOptionsDto {
    return this.payments.options();
  }

  @ApiOperation({ summary: "The photographer's payout account status" })
  @Roles('photographer')
  @Get('connect/status')
  payoutAccount(@Auth() auth: AuthContext): Promise<PayoutAccountDto> {
    return this.payments.payoutAccount(auth);
  }

  @ApiOperation({ summary: 'A link to the payment provider’s hosted payout onboarding' })
  @Roles('photographer')
  @Post('connect/onboarding')
  startOnboarding(@Auth() auth: AuthContext): Promise<OnboardingLinkDto> {
    return this.payments.startOnboarding(auth);
  }
}
