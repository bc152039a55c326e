import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type ChangeEmailInput,
  changeEmailSchema,
  type ChangePasswordInput,
  changePasswordSchema,
  type DeleteAccountInput,
  deleteAccountSchema,
  type SessionIdParam,
  sessionIdParamSchema,
  type UpdateMeInput,
  updateMeSchema,
} from '../../../shared/auth/account.schema';
import type {
  AccountDeletedDto,
  EmailChangeAcceptedDto,
  SessionInfoDto,
} from '../../../shared/auth/account.types';
import type { UserDto } from '../../../shared/auth/auth.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { AuthService } from '../auth/auth.service';
import { SessionCookies } from '../auth/session-cookies.service';
import { AccountDeletionService } from './account-deletion.service';
import { AccountsService } from './accounts.service';
import { Clock } from '../../common/clock';

/** The signed-in person's own account. */
@ApiTags('account')
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly deletion: AccountDeletionService,
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({ summary: 'Change the name shown to photographers, clients and in emails' })
  @Patch()
  rename(
    @Auth() auth: AuthContext,
    @Body({ schema: updateMeSchema }) input: UpdateMeInput,
  ): Promise<UserDto> {
    return this.accounts.rename(auth, input);
  }

  @ApiOperation({ summary: 'Send the verification link again (202; 429 after five an hour)' })
  @HttpCode(202)
  @Post('verification-email')
  resend(@Auth() auth: AuthContext): Promise<{ sent: boolean }> {
    return this.accounts.resendVerification(auth);
  }

  @ApiOperation({
    summary: 'Change the password (204; 400 PASSWORD_INCORRECT); signs out every other session',
  })
  @HttpCode(204)
  @Post('password')
  changePassword(
    @Auth() auth: AuthContext,
    @Body({ schema: changePasswordSchema }) input: ChangePasswordInput,
  ): Promise<void> {
    return this.accounts.changePassword(auth, input);
  }

  @ApiOperation({
    summary: 'Change the email address: a link goes to the new one, which it becomes when followed',
  })
  @HttpCode(202)
  @Post('email')
  changeEmail(
    @Auth() auth: AuthContext,
    @Body({ schema: changeEmailSchema }) input: ChangeEmailInput,
  ): Promise<EmailChangeAcceptedDto> {
    return this.accounts.requestEmailChange(auth, input);
  }

  @ApiOperation({ summary: 'Where the account is signed in, most recently used first' })
  @Get('sessions')
  sessions(@Auth() auth: AuthContext): Promise<SessionInfoDto[]> {
    return this.auth.listSessions(auth);
  }

  @ApiOperation({ summary: 'Sign one session out (204; 404 SESSION_NOT_FOUND)' })
  @HttpCode(204)
  @Delete('sessions/:id')
  async revokeSession(
    @Auth() auth: AuthContext,
    @Param({ schema: sessionIdParamSchema }) params: SessionIdParam,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const { wasCurrent } = await this.auth.revokeSession(auth, params.id);
    if (wasCurrent) this.cookies.clear(response);
  }

  @ApiOperation({
    summary:
      'Delete the account with its password (409 ACCOUNT_HAS_BOOKINGS lists what stops it); future bookings of a client are cancelled with refunds',
  })
  @Delete()
  async remove(
    @Auth() auth: AuthContext,
    @Body({ schema: deleteAccountSchema }) input: DeleteAccountInput,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountDeletedDto> {
    const result = await this.deletion.delete(auth, input.password, this.clock.now());
    this.cookies.clear(response);
    return result;
  }
}
