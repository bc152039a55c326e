import { Body, Controller, Get, Headers, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { type LoginInput, loginSchema } from '../../../shared/auth/auth.schema';
import type { SessionDto } from '../../../shared/auth/auth.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, Public } from '../../common/auth/decorators';
import { AuthService } from './auth.service';
import { SessionCookies } from './session-cookies.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  @ApiOperation({ summary: 'Log in with email and password' })
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @Post('login')
  async login(
    @Body({ schema: loginSchema }) input: LoginInput,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    const session = await this.auth.login(input, userAgent);
    this.cookies.set(response, session);
    return session.body;
  }

  @ApiOperation({ summary: 'End this session' })
  @HttpCode(204)
  @Post('logout')
  async logout(
    @Auth() auth: AuthContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(auth);
    this.cookies.clear(response);
  }

  @ApiOperation({ summary: 'The signed-in user, with the CSRF token for writes' })
  @Get('me')
  me(@Auth() auth: AuthContext): Promise<SessionDto> {
    return this.auth.describe(auth);
  }
}
