import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type {
  AdminPaymentDto,
  AdminRefundRequestDto,
  OnboardingLinkDto,
  PaymentOptionsDto,
  PayoutAccountDto,
} from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Public, Roles, VerifiedEmail } from '../../common/auth/decorators';
import type { Page } from '../../../shared/admin/admin.types';
import {
  type AdminPaymentListQuery,
  adminPaymentListSchema,
  type AdminRefundListQuery,
  adminRefundListSchema,
} from '../../../shared/payments/payments.schema';
import { type IdParam, idParamSchema } from '../../../shared/photographers/photographers.schema';
import { LedgerQueriesService } from './ledger-queries.service';
import type { Payment } from './payment.entity';
import type { RefundRequest } from './refund-request.entity';
import { RefundsService } from './refunds.service';
import { PaymentsService } from './payments.service';
import { type WebhookOutcome, WebhookIntakeService } from './webhook-intake.service';

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

function toAdminRefundRequestDto(request: RefundRequest): AdminRefundRequestDto {
  return {
    id: request.id,
    purpose: request.purpose,
    referenceId: request.referenceId,
    paymentId: request.paymentId,
    amountCents: request.amountCents,
    currency: request.currency,
    reason: request.reason,
    status: request.status,
    attempts: request.attempts,
    lastError: request.lastError,
    nextAttemptAt:
      request.status === 'retrying' ? (request.nextAttemptAt?.toISOString() ?? null) : null,
    providerRefundId: request.providerRefundId,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly webhooks: WebhookIntakeService,
  ) {}

  @ApiExcludeEndpoint()
  @Public()
  @HttpCode(200)
  @Post('stripe/webhook')
  receiveStripeWebhook(
    @Req() request: Request,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<WebhookOutcome> {
    return this.webhooks.receiveWebhook(request.rawBody, signature);
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

  @ApiOperation({
    summary: 'A link to the payment provider’s hosted payout onboarding (403 EMAIL_NOT_VERIFIED)',
  })
  @Roles('photographer')
  @VerifiedEmail()
  @Post('connect/onboarding')
  startOnboarding(@Auth() auth: AuthContext): Promise<OnboardingLinkDto> {
    return this.payments.startOnboarding(auth);
  }
}

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminPaymentsController {
  constructor(
    private readonly ledger: LedgerQueriesService,
    private readonly refunds: RefundsService,
  ) {}

  @ApiOperation({ summary: 'Admin: every payment, newest first' })
  @Get('payments')
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

  @ApiOperation({ summary: 'Admin: refunds Lensbridge asked for, with their state and retries' })
  @Get('refunds')
  async refundRequests(
    @Query({ schema: adminRefundListSchema }) query: AdminRefundListQuery,
  ): Promise<Page<AdminRefundRequestDto>> {
    const { items, total } = await this.ledger.refundRequests(
      query.page,
      query.pageSize,
      query.status,
    );
    return {
      items: items.map(toAdminRefundRequestDto),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  @ApiOperation({ summary: 'Admin: try a retrying or failed refund again now' })
  @HttpCode(200)
  @Post('refunds/:id/retry')
  async retryRefund(
    @Param({ schema: idParamSchema }) params: IdParam,
  ): Promise<AdminRefundRequestDto> {
    return toAdminRefundRequestDto(await this.refunds.retryNow(params.id));
  }
}
