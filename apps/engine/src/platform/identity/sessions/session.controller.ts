import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { SessionResponse } from '@stageflow/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bodyObject, requiredString } from '../../http/input.js';
import { ApiJsonBody, ApiNoContent, ApiResult } from '../../openapi/api-docs.decorators.js';
import { CurrentPrincipal, CurrentSession, Public } from '../auth/auth.decorators.js';
import type { SessionRef } from '../auth/auth.service.js';
import type { Principal } from '../auth/principal.js';
import { throttled } from '../auth/throttled-answer.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

/** The answer holds the CSRF token: no cache keeps it. */
function uncached(reply: FastifyReply): void {
  reply.header('Cache-Control', 'no-store');
}

/** `request.protocol` is https over TLS, or behind a trusted proxy that says so (X-Forwarded-Proto). */
const overHttps = (request: FastifyRequest): boolean => request.protocol === 'https';

/** The web app's sign-in: the token in an httpOnly, SameSite=Strict cookie (docs/api.md, "Browser sessions"). */
@ApiTags('auth')
@Controller('auth/session')
export class SessionController {
  constructor(private readonly sessions: SessionsService) {}

  /** Signs in and sets the session cookie; throttled as /auth/login (429 with Retry-After). */
  @Public()
  @Post()
  @HttpCode(200)
  @ApiJsonBody('LoginRequest')
  @ApiResult(200, 'SessionResponse', [400, 401, 429])
  async start(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    const input = bodyObject(body);
    const username = requiredString(input, 'username', 'username', 200);
    const password = requiredString(input, 'password', 'password', 200);
    const started = await throttled(reply, this.sessions.start(username, password, request.ip));
    reply.header('Set-Cookie', sessionCookie(started.token, started.maxAgeSeconds, overHttps(request)));
    uncached(reply);
    return started.body;
  }

  /** The session of the cookie: its user and CSRF token; 401 without a live session. */
  @Get()
  @ApiCookieAuth('session')
  @ApiResult(200, 'SessionResponse', [401])
  current(
    @CurrentPrincipal() principal: Principal,
    @CurrentSession() session: SessionRef,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    uncached(reply);
    return this.sessions.current(principal, session);
  }

  /** Signs out: the session ends on every node (a replayed cookie answers 401) and the cookie is cleared. */
  @Delete()
  @HttpCode(204)
  @ApiCookieAuth('session')
  @ApiNoContent([401, 403])
  async end(@CurrentSession() session: SessionRef, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.end(session);
    reply.header('Set-Cookie', clearedSessionCookie(overHttps(request)));
  }
}
