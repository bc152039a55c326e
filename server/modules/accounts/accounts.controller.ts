import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  type EmailTokenInput,
  emailTokenSchema,
  type PasswordResetConfirmInput,
  passwordResetConfirmSchema,
  type PasswordResetRequestInput,
  passwordResetRequestSchema,
} from '../../../shared/auth/account.schema';
import { type RegisterInput, registerSchema } from '../../../shared/auth/auth.schema';
import type { SignUpAcceptedDto } from '../../../shared/auth/auth.types';
import { Public } from '../../common/auth/decorators';
import { AccountsService } from './accounts.service';

/** Public account routes: sign-up and the pages emailed links open. All rate limited. */
@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @ApiOperation({
    summary:
      'Create a client or photographer account (202 either way: a new address gets a verification link, a registered one a notice)',
  })
  @HttpCode(202)
  @Post('register')
  register(@Body({ schema: registerSchema }) input: RegisterInput): Promise<SignUpAcceptedDto> {
    return this.accounts.signUp(input);
  }

  @ApiOperation({ summary: 'Email a password reset link (202 whether or not the account exists)' })
  @HttpCode(202)
  @Post('password-reset')
  requestReset(@Body({ schema: passwordResetRequestSchema }) input: PasswordResetRequestInput): {
    status: 'check_email';
  } {
    this.accounts.requestPasswordReset(input.email);
    return { status: 'check_email' };
  }

  @ApiOperation({
    summary:
      'Choose a new password with an emailed link (204; 410 RESET_TOKEN_EXPIRED; 400 RESET_TOKEN_INVALID); signs out every session',
  })
  @HttpCode(204)
  @Post('password-reset/confirm')
  confirmReset(
    @Body({ schema: passwordResetConfirmSchema }) input: PasswordResetConfirmInput,
  ): Promise<void> {
    return this.accounts.confirmPasswordReset(input);
  }

  @ApiOperation({ summary: 'Confirm the email address with the emailed link (204; 410; 400)' })
  @HttpCode(204)
  @Post('verify-email')
  verify(@Body({ schema: emailTokenSchema }) input: EmailTokenInput): Promise<void> {
    return this.accounts.verifyEmail(input.token);
  }

  @ApiOperation({
    summary: 'Move the account to the new address the link was sent to (204; 410; 400; 409)',
  })
  @HttpCode(204)
  @Post('email-change/confirm')
  confirmEmailChange(@Body({ schema: emailTokenSchema }) input: EmailTokenInput): Promise<void> {
    return this.accounts.confirmEmailChange(input.token);
  }
}
