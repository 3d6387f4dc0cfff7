import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bodyObject, requiredString } from '../../http/input.js';
import { ApiJsonBody, ApiResult } from '../../openapi/api-docs.decorators.js';
import { checkNewPassword } from '../users/password-rules.js';
import { CurrentPrincipal, Public } from './auth.decorators.js';
import { AuthService, type LoginResult } from './auth.service.js';
import type { Principal } from './principal.js';
import { throttled } from './throttled-answer.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Exchanges a username and password for a JWT access token. Too many failures for the username
   * or from the address answer 429 with Retry-After (docs/api.md, "Sign-in throttling").
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiJsonBody('LoginRequest')
  @ApiResult(200, 'LoginResponse', [400, 401, 429])
  login(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResult> {
    const input = bodyObject(body);
    const username = requiredString(input, 'username', 'username', 200);
    const password = requiredString(input, 'password', 'password', 200);
    return throttled(reply, this.auth.login(username, password, request.ip));
  }

  /** Changes the caller's own password; every other session of theirs ends, this one gets a new token. */
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiJsonBody('PasswordChangeRequest')
  @ApiResult(200, 'LoginResponse', [400, 401, 429])
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    const input = bodyObject(body);
    const oldPassword = requiredString(input, 'oldPassword', 'oldPassword', 200);
    const newPassword = checkNewPassword('newPassword', input.newPassword);
    return throttled(reply, this.auth.changePassword(principal, oldPassword, newPassword, request.ip));
  }
}
