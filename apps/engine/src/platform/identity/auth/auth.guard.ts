import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Unauthorized, Forbidden } from '../../errors/domain-errors.js';
import { CSRF_HEADER, csrfTokenMatches, isWriteMethod } from '../sessions/csrf-token.js';
import { sessionCookieFrom } from '../sessions/session-cookie.js';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from './auth.decorators.js';
import { AuthService, type Authenticated } from './auth.service.js';
import { JwtSecretService } from './jwt-secret.service.js';
import { hasAnyRole } from './principal.js';
import type { Role } from './role.js';

interface RequestWithHeaders extends AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard: every route needs a bearer token or the session cookie unless marked @Public();
 * @Roles() narrows it. A bearer header wins over a cookie. A write authenticated by the cookie
 * needs the session's CSRF token too (sessions/csrf-token.ts); a bearer header cannot be sent by
 * another site's page, so bearer requests need none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly secret: JwtSecretService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithHeaders>();
    const { principal, session } = await this.authenticate(request);
    request.principal = principal;
    request.session = session;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasAnyRole(principal, roles)) {
      throw new Forbidden(`this needs one of the roles ${roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(request: RequestWithHeaders): Promise<Authenticated> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      if (!match?.[1]) throw new Unauthorized('an Authorization: Bearer <token> header is required');
      return this.auth.authenticate(match[1]);
    }
    const cookie = sessionCookieFrom(request.headers.cookie);
    if (cookie === undefined) throw new Unauthorized('an Authorization: Bearer <token> header or a session cookie is required');
    const authenticated = await this.auth.authenticate(cookie);
    // Only a session's token is taken from the cookie: its CSRF token is bound to the session.
    if (!authenticated.session) throw new Unauthorized('the session cookie is invalid: sign in again');
    if (isWriteMethod(request.method) && !csrfTokenMatches(this.secret.secret, authenticated.session.id, request.headers[CSRF_HEADER])) {
      throw new Forbidden('a write with the session cookie needs the header X-CSRF-Token with the csrfToken of the session (POST or GET /auth/session)');
    }
    return authenticated;
  }
}
