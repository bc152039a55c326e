import { Controller, Get, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type {
  AdminPaymentDto,
  OnboardingLinkDto,
  PaymentOptionsDto,
  PayoutAccountDto,
} from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Public, Roles } from '../../common/auth/decorators';
import type { Page } from '../../../shared/admin/admin.types';
import {
  type AdminPaymentListQuery,
  adminPaymentListSchema,
} from '../../../shared/payments/payments.schema';
import { PaymentLedgerService } from './payment-ledger.service';
import type { Payment } from './payment.entity';
import { PaymentsService, type WebhookOutcome } from './payments.service';

function toAdminPaymentDto(payment: Payment): AdminPaymentDto {
  return {
    id: payment.id,
    purpose: payment.purpose,
    referenceId: payment.referenceId,
    kind: payment.kind,
    provider: payment.provider,
    status: payment.status,
    amountCents: payment.amountCents,
    refundedCents: payment.refundedCents,
    currency: payment.currency,
    createdAt: payment.createdAt.toISOString(),
  };
}

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

@ApiTags('admin')
@Roles('admin')
@Controller('admin/payments')
export class AdminPaymentsController {
  constructor(private readonly ledger: PaymentLedgerService) {}

  @ApiOperation({ summary: 'Admin: every payment, newest first' })
  @Get()
  async list(
    @Query({ schema: adminPaymentListSchema }) query: AdminPaymentListQuery,
  ): Promise<Page<AdminPaymentDto>> {
    const { items, total } = await this.ledger.page(query.page, query.pageSize);
    return {
      items: items.map(toAdminPaymentDto),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
