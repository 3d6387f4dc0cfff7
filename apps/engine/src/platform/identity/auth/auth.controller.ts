import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { bodyObject, requiredString } from '../../http/input.js';
import { ApiJsonBody, ApiResult } from '../../openapi/api-docs.decorators.js';
import { Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges a username and password for a JWT access token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiJsonBody('LoginRequest')
  @ApiResult(200, 'LoginResponse', [400, 401])
  login(@Body() body: unknown): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const input = bodyObject(body);
    return this.auth.login(requiredString(input, 'username', 'username', 200), requiredString(input, 'password', 'password', 200));
  }
}
